/**
 * @module test/support/minute-window
 * The request limits count in fixed one-minute windows of the real clock. A test that sends a
 * burst and expects the limit to bite must not straddle a window's edge (the count starts again
 * at zero there), so it waits for the next minute when the current one is nearly over.
 */

/** Resolves at once when `marginMs` or more of this minute is left, else just after it ends. */
export async function clearOfMinuteEdge(marginMs = 10_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}
