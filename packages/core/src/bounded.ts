/**
 * Stores `value` under `key` in a map used as a cache of what requests
 * repeat (paths, Host headers, regions), emptying the map first when it holds
 * `limit` entries: it never grows with traffic, and what is still in use is
 * made again at once. Returns `value`.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
