/**
 * Bounded memos for pure functions of a key: a `Map` that is emptied when it holds `max` entries (then refilled by
 * what is asked next), so a long build over an open vocabulary keeps memory bounded while recurring words hit. The
 * value depends on the key only, so a memo is invisible in the output.
 */

/** `fn` memoised by its argument, at most `max` entries (≥ 1) kept. Results are shared: callers must not modify them. */
export function memoize<K, V>(fn: (key: K) => V, max = 100_000): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = fn(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, v);
    }
    return v as V;
  };
}

/**
 * A bounded memo per owner object (a loaded lexicon, a phrase list): `fn(owner, key)` memoised by key within each
 * owner, at most `max` entries per owner; owners are held weakly.
 */
export function memoizePer<O extends object, K, V>(fn: (owner: O, key: K) => V, max = 100_000): (owner: O, key: K) => V {
  const byOwner = new WeakMap<O, (key: K) => V>();
  return (owner: O, key: K): V => {
    let f = byOwner.get(owner);
    if (f === undefined) byOwner.set(owner, (f = memoize((k: K) => fn(owner, k), max)));
    return f(key);
  };
}
