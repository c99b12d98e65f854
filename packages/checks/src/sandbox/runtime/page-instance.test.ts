import { describe, expect, it } from 'vitest';
import { createPageInstance, type PageRegistration } from './page-instance.js';

function instance(registration: PageRegistration) {
  const later: Array<() => void> = [];
  const kit = {
    later: (callback: () => void) => later.push(callback),
    guard: (fn: unknown, thisArg: unknown, args: readonly unknown[]) =>
      typeof fn === 'function' ? Reflect.apply(fn, thisArg, args) : undefined,
    lenient: () => ({}),
  };
  return { ...createPageInstance(registration, 'pages/a/a', { id: '7' }, kit), later };
}

describe('createPageInstance', () => {
  it('merges setData by path into a copy of the options’ data, calling back later', () => {
    const data = { list: [{ title: 'a' }], user: null };
    const { page, later } = instance({ kind: 'Page', options: { data } });
    const done: unknown[] = [];
    const setData = page.setData as (changes: object, callback?: () => void) => void;
    setData({ 'list[0].title': 'b', 'user.name': '张三', 'grid[1][0]': 1, plain: 2 }, () =>
      done.push('called'),
    );
    expect(page.data).toEqual({
      list: [{ title: 'b' }],
      user: { name: '张三' },
      grid: [undefined, [1]],
      plain: 2,
    });
    expect(data.list[0]!.title).toBe('a');
    expect(done).toEqual([]);
    for (const callback of later) callback();
    expect(done).toEqual(['called']);
  });

  it('splices arrays with Alipay’s $spliceData', () => {
    const { page } = instance({ kind: 'Page', options: { data: { a: { list: [1, 2, 3] } } } });
    (page.$spliceData as (changes: object) => void)({ 'a.list': [1, 1, 'x', 'y'], fresh: [0, 0, 1] });
    expect(page.data).toEqual({ a: { list: [1, 'x', 'y', 3] }, fresh: [1] });
  });

  it('runs a Page’s onLoad(query), onShow, onReady on the instance holding its methods and route', () => {
    const seen: unknown[] = [];
    const options = {
      onLoad(this: Record<string, unknown>, query: unknown) {
        seen.push(['onLoad', query, this.route, typeof this.helper]);
      },
      helper() {},
    };
    const { page, hooks } = instance({ kind: 'Page', options });
    expect(hooks.map((hook) => hook.phase)).toEqual(['Page.onLoad', 'Page.onShow', 'Page.onReady']);
    Reflect.apply(hooks[0]!.fn as () => void, page, hooks[0]!.args);
    expect(seen).toEqual([['onLoad', { id: '7' }, 'pages/a/a', 'function']]);
  });

  it('runs a Component page’s lifetimes around the page hooks in its methods', () => {
    const created = () => undefined;
    const onLoad = () => undefined;
    const options = {
      lifetimes: { created },
      attached: () => undefined,
      methods: { onLoad },
      data: { n: 1 },
    };
    const { page, hooks } = instance({ kind: 'Component', options });
    expect(hooks.map((hook) => hook.phase)).toEqual([
      'Component.created',
      'Component.attached',
      'Page.onLoad',
      'Page.onShow',
      'Component.ready',
      'Page.onReady',
    ]);
    expect([hooks[0]!.fn, hooks[2]!.fn, page.properties]).toEqual([created, onLoad, { n: 1 }]);
  });
});
