import { describe, expect, it } from 'vitest';
import { apiData } from './api-data.js';
import { createApi } from './api-stub.js';
import { lenient } from './lenient.js';

type Api = Record<string, (...args: unknown[]) => unknown> &
  Record<string, Record<string, (...args: unknown[]) => unknown>>;

function stub(platform: 'my' | 'wx') {
  const calls: string[] = [];
  const later: Array<() => void> = [];
  const marked = new WeakSet<object>();
  const mark = <T extends object>(value: T) => {
    marked.add(value);
    return value;
  };
  const api = createApi(platform, {
    data: apiData(platform, 'pages/a/a'),
    lenient: () => lenient(mark),
    mark,
    record: (name, args) => calls.push(`${name} ${JSON.stringify(args)}`),
    later: (callback) => later.push(callback),
    guard: (fn, thisArg, args) => (typeof fn === 'function' ? Reflect.apply(fn, thisArg, args) : undefined),
  }) as Api;
  const flush = () => {
    for (const callback of later.splice(0)) callback();
  };
  return { api, calls, flush, marked };
}

describe('createApi', () => {
  it('has every API, records each call, and answers sync getters at once', () => {
    const { api, calls } = stub('wx');
    expect(api.getSystemInfoSync!()).toMatchObject({ platform: 'ios', windowWidth: 390, language: 'zh_CN' });
    expect(api.canIUse!('button.open-type.getUserInfo')).toBe(true);
    expect(api.getLaunchOptionsSync!()).toMatchObject({ path: 'pages/a/a', scene: 1001 });
    expect(api.onAppShow!(() => undefined)).toBeUndefined();
    expect(typeof (api.createSelectorQuery!() as Api).select).toBe('function');
    expect(api.env).toEqual({ USER_DATA_PATH: 'wxfile://usr' });
    expect(calls).toEqual([
      'wx.getSystemInfoSync []',
      'wx.canIUse ["button.open-type.getUserInfo"]',
      'wx.getLaunchOptionsSync []',
      'wx.onAppShow [null]',
      'wx.createSelectorQuery []',
    ]);
  });

  it('calls success then complete in a later task, or returns a promise without callbacks', async () => {
    const { api, flush, calls } = stub('my');
    const seen: string[] = [];
    api.getLocation!({
      success: (res: { city: string }) => seen.push(res.city),
      complete: () => seen.push('done'),
    });
    expect(seen).toEqual([]);
    flush();
    expect(seen).toEqual(['杭州市', 'done']);
    await expect(api.getNetworkType!()).resolves.toMatchObject({
      networkType: 'wifi',
      errMsg: 'getNetworkType:ok',
    });
    // A nested namespace's API answers as the top-level ones do: its own ok message.
    expect(await (api.ap!.navigateToAlipayPage!({ path: 'x' }) as Promise<unknown>)).toEqual({
      errMsg: 'navigateToAlipayPage:ok',
    });
    expect(calls.at(-1)).toBe('my.ap.navigateToAlipayPage [{"path":"x"}]');
  });

  it('answers requests with lenient data that tolerates any shape', async () => {
    const { api, marked } = stub('wx');
    const res = (await api.request!({ url: 'https://a.example' })) as { statusCode: number; data: never };
    const data = res.data as Record<string, Record<string, (...a: unknown[]) => unknown>>;
    expect(res.statusCode).toBe(200);
    expect([...(data.list as never as unknown[])]).toEqual([]);
    expect(`${data.title}`).toBe('');
    // What the code does with unknown data stays lenient: mapped, it is again an empty, marked value.
    const mapped = data.list!.map!((x: unknown) => x) as unknown as object & Iterable<unknown>;
    expect(marked.has(mapped)).toBe(true);
    expect([...mapped]).toEqual([]);
    expect(await Promise.resolve(data)).toBe(data);
    expect(marked.has(res) && marked.has(data)).toBe(true);
  });

  it('keeps storage per platform: WeChat’s value or "", Alipay’s { data } or null; WeChat fails a missing key', async () => {
    const wx = stub('wx').api;
    expect(wx.getStorageSync!('token')).toBe('');
    wx.setStorageSync!('token', 'abc');
    expect(wx.getStorageSync!('token')).toBe('abc');
    await expect(wx.getStorage!({ key: 'none' })).rejects.toMatchObject({
      errMsg: 'getStorage:fail data not found',
    });
    const my = stub('my').api;
    expect(my.getStorageSync!({ key: 'token' })).toEqual({ data: null });
    my.setStorageSync!({ key: 'token', data: { id: 1 } });
    expect(my.getStorageSync!({ key: 'token' })).toEqual({ data: { id: 1 } });
    await expect(my.getStorage!({ key: 'none' })).resolves.toMatchObject({ data: null });
  });
});
