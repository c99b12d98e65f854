// The sources of the generated package: app, shared utils, pages (script, template, style), a vendored library.

export function appScript() {
  return `const { silentLogin } = require('./utils/auth.js');

App({
  globalData: { user: null, cart: [], city: '杭州' },
  onLaunch(options) {
    // Silent login: auth_base shows no dialog.
    silentLogin().then((user) => { this.globalData.user = user; });
    this.scene = options && options.scene;
  },
  onShow() {
    my.getNetworkType({ success: (res) => { this.globalData.network = res.networkType; } });
  },
});
`;
}

export function requestUtil() {
  return `const BASE = 'https://api.qinghe-books.example';

export function request(options) {
  return new Promise((resolve, reject) => {
    my.request({
      url: BASE + options.url,
      method: options.method || 'GET',
      data: options.data || {},
      headers: { 'content-type': 'application/json' },
      success: (res) => (res.status === 200 ? resolve(res.data) : reject(new Error('HTTP ' + res.status))),
      fail: reject,
    });
  });
}

module.exports = { request, BASE };
`;
}

export function formatUtil() {
  return `function pad(n) { return n < 10 ? '0' + n : String(n); }
export function formatPrice(cents) { return (cents / 100).toFixed(2); }
export function formatDate(ms) {
  const d = new Date(ms);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}
export function truncate(text, max) { return text.length > max ? text.slice(0, max - 1) + '…' : text; }
`;
}

export function authUtil() {
  return `export function silentLogin() {
  return new Promise((resolve) => {
    my.getAuthCode({ scopes: 'auth_base', success: (res) => resolve({ code: res.authCode }) });
  });
}
export function askProfile() {
  return new Promise((resolve, reject) => my.getOpenUserInfo({ success: resolve, fail: reject }));
}
`;
}

export function pageScript(rand, pick, { word, title, next, up, index }) {
  const handlers = [];
  const count = 8 + Math.floor(rand() * 6);
  for (let h = 0; h < count; h += 1) handlers.push(handler(pick, word, h));
  return `const { request } = require('${up}utils/request.js');
import { formatPrice, formatDate, truncate } from '${up}utils/format.js';
import { askProfile } from '${up}utils/auth.js';

const PAGE_SIZE = ${10 + (index % 3) * 10};

Page({
  data: {
    loading: true,
    list: [],
    page: 1,
    finished: false,
    keyword: '',
    sort: 'default',
    title: '${title}',
    selected: {},
  },
  onLoad(query) {
    this.category = (query && query.category) || 'all';
    this.fetchList(true);
  },
  onShow() {
    const app = getApp();
    this.setData({ cartCount: app.globalData.cart.length });
  },
  onReady() {
    my.setNavigationBar({ title: '${title}' });
  },
  onPullDownRefresh() {
    this.fetchList(true).then(() => my.stopPullDownRefresh());
  },
  onReachBottom() {
    if (!this.data.finished) this.fetchList(false);
  },
  fetchList(reset) {
    const page = reset ? 1 : this.data.page + 1;
    this.setData({ loading: true });
    return request({ url: '/v1/${word}s', data: { page, size: PAGE_SIZE, category: this.category, sort: this.data.sort } })
      .then((res) => {
        const items = (res.items || []).map((item) => ({
          id: item.id,
          name: truncate(item.name || '', 24),
          price: formatPrice(item.price || 0),
          date: formatDate(item.updatedAt || 0),
          tags: (item.tags || []).slice(0, 3),
        }));
        this.setData({ list: reset ? items : this.data.list.concat(items), page, finished: items.length < PAGE_SIZE, loading: false });
      })
      .catch(() => {
        this.setData({ loading: false });
        my.showToast({ type: 'fail', content: '加载失败，请稍后重试' });
      });
  },
  onTapItem(event) {
    const { id } = event.currentTarget.dataset;
    my.navigateTo({ url: \`/${next}?id=\${id}\` });
  },
  onTapProfile() {
    askProfile().then((info) => this.setData({ nickName: info.nickName }));
  },
${handlers.join('\n')}
});
`;
}

function handler(pick, word, h) {
  const field = pick(['price', 'date', 'name', 'sales', 'score']);
  return `  onFilter${h}(event) {
    const value = event.detail.value;
    const list = this.data.list.filter((item) => String(item.${field}).indexOf(value) >= 0);
    const groups = {};
    for (const item of list) {
      const key = item.tags && item.tags.length ? item.tags[0] : '其他';
      (groups[key] = groups[key] || []).push(item);
    }
    const sorted = Object.keys(groups).sort().map((key) => ({ key, items: groups[key], total: groups[key].length }));
    this.setData({ groups${h}: sorted, keyword: value, sort: '${word}-${field}-${h}' });
  },`;
}

export function pageTemplate({ word, title, next }) {
  return `<view class="page">
  <view class="header">
    <text class="title">{{title}}</text>
    <input class="search" placeholder="搜索${title}" onInput="onFilter0" value="{{keyword}}" />
  </view>
  <view class="list" a:if="{{list.length}}">
    <view class="item ${word}" a:for="{{list}}" a:key="id" data-id="{{item.id}}" onTap="onTapItem">
      <text class="name">{{item.name}}</text>
      <text class="price">¥{{item.price}}</text>
      <text class="date">{{item.date}}</text>
      <view class="tags"><text class="tag" a:for="{{item.tags}}" a:for-item="tag">{{tag}}</text></view>
    </view>
  </view>
  <view class="empty" a:elif="{{!loading}}">暂无内容</view>
  <view class="loading" a:if="{{loading}}">加载中…</view>
  <navigator class="more" url="/${next}?from=list">查看更多</navigator>
  <button class="profile" onTap="onTapProfile">完善资料</button>
</view>
`;
}

export function pageStyle(i) {
  return `.page { padding: 24rpx; }
.header { display: flex; align-items: center; }
.title { font-size: 36rpx; font-weight: bold; color: #2f6b4f; }
.search { flex: 1; margin-left: 16rpx; padding: 8rpx 16rpx; background: #fff; border-radius: 8rpx; }
.item { display: flex; flex-direction: column; margin: 16rpx 0; padding: 20rpx; background: #fff; }
.price { color: #c0392b; }
.tag { margin-right: 8rpx; font-size: 22rpx; color: #8a8a8a; }
.more { margin-top: 24rpx; text-align: center; color: #2f6b4f; }
.theme-${i} { color: #${(0x2f6b4f + i * 97).toString(16).slice(-6)}; }
`;
}

/** A vendored UI helper library of ~200 KB: readable CommonJS, as npm ships many mini-program kits. */
export function vendoredLibrary(rand) {
  const parts = ["'use strict';", 'var kit = {};'];
  for (let i = 0; parts.join('\n').length < 200_000; i += 1) {
    const n = Math.floor(rand() * 1000);
    parts.push(`kit.helper${i} = function helper${i}(input, options) {
  var settings = Object.assign({ step: ${n}, round: true }, options || {});
  var out = [];
  for (var k = 0; k < input.length; k += 1) {
    var value = typeof input[k] === 'number' ? input[k] * settings.step : String(input[k]).length;
    out.push(settings.round ? Math.round(value) : value);
  }
  return out;
};`);
  }
  parts.push('module.exports = kit;');
  return parts.join('\n');
}
