/**
 * @module practice/memo
 * A bounded memo for pure work on text the domain sees again and again: a partner's lines (said
 * in many sessions of one card), the authored model moves offered as alternatives, a scenario's
 * brief. Keys are strings, values must be pure results of the key (never mutated by a caller);
 * a full memo starts afresh, as the partner's word memo does, so memory stays bounded whatever
 * the learners write.
 */

/**
 * A memo of at most `size` entries: `memo(key, compute)` gives the value remembered for `key`, or
 * computes and remembers it.
 * @example const stemOf = boundedMemo<string>(5000); stemOf('meetings', () => stem('meetings'));
 */
export function boundedMemo<V>(size: number): (key: string, compute: () => V) => V {
  const memo = new Map<string, V>();
  return (key, compute) => {
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known as V;
    const value = compute();
    if (memo.size >= size) memo.clear();
    memo.set(key, value);
    return value;
  };
}
