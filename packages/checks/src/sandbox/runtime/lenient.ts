/**
 * A value standing for what the sandbox cannot know: a server's answer, a plugin, a manager object. Reading
 * any property gives another such value (the same one each time), calling or constructing one gives one,
 * it iterates as empty, has length 0 and turns into '' (so 0 as a number). It is not thenable: awaiting it
 * gives it back. `res.data.list.map(…)` and `res.data.user.name.split(',')` run instead of throwing for want
 * of a real server, since an answer the sandbox invents must not be what fails the launch.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function lenient(mark: (value: object) => void): unknown {
  const make = (): object => {
    const assigned = new Map<PropertyKey, unknown>();
    const children = new Map<PropertyKey, object>();
    const proxy = new Proxy(function stub() {}, {
      get(_target, key) {
        if (assigned.has(key)) return assigned.get(key);
        if (key === Symbol.toPrimitive || key === 'toString' || key === 'valueOf') return () => '';
        if (key === Symbol.iterator) return function* empty() {};
        if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
        if (key === 'length') return 0;
        let child = children.get(key);
        if (child === undefined) {
          child = make();
          children.set(key, child);
        }
        return child;
      },
      set(_target, key, value) {
        assigned.set(key, value);
        return true;
      },
      apply: () => make(),
      construct: () => make(),
    });
    mark(proxy);
    return proxy;
  };
  return make();
}
