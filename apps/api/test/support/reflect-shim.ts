/**
 * @peculiar/x509 registers its services with tsyringe, which wants the Reflect metadata API
 * (the reflect-metadata package, not installed here). This is the small part it uses,
 * installed before @peculiar/x509 is evaluated (import this module first).
 */
const store = new WeakMap<object, Map<string, unknown>>();
const slot = (target: object, property?: string | symbol) => {
  const map = store.get(target) ?? new Map<string, unknown>();
  store.set(target, map);
  return { map, key: (name: unknown) => `${String(property ?? "")}|${String(name)}` };
};
const reflect = Reflect as unknown as Record<string, unknown>;
if (typeof reflect.getMetadata !== "function") {
  const getOwn = (name: unknown, target: object, property?: string | symbol) => {
    const { map, key } = slot(target, property);
    return map.get(key(name));
  };
  const get = (name: unknown, target: object, property?: string | symbol): unknown => {
    for (let at: object | null = target; at; at = Object.getPrototypeOf(at)) {
      const found = getOwn(name, at, property);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const define = (name: unknown, value: unknown, target: object, property?: string | symbol) => {
    const { map, key } = slot(target, property);
    map.set(key(name), value);
  };
  Object.assign(reflect, {
    getOwnMetadata: getOwn,
    getMetadata: get,
    hasMetadata: (n: unknown, t: object, p?: string | symbol) => get(n, t, p) !== undefined,
    hasOwnMetadata: (n: unknown, t: object, p?: string | symbol) => getOwn(n, t, p) !== undefined,
    defineMetadata: define,
    metadata: (n: unknown, v: unknown) => (t: object, p?: string | symbol) => define(n, v, t, p),
  });
}

export {};
