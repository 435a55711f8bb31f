/**
 * Values computed once per distinct input: a register repeats the same codes, names, list
 * values and dates on thousands of rows. The cache is emptied when it reaches `limit` entries,
 * so memory stays bounded whatever the register.
 */
export function cachedBy<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) {
      return known as V;
    }
    const value = compute(key);
    if (cache.size >= limit) {
      cache.clear();
    }
    cache.set(key, value);
    return value;
  };
}
