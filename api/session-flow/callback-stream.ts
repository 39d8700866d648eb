/**
 * @module session-flow/callback-stream
 * Turns a call that reports progress through a callback (the partner voice's `onToken`) into
 * events a generator can yield as they come, then hands back the call's result: so the turn is
 * one async stream from start to end, with no callbacks reaching the route.
 */

/**
 * Yields each value `call` reports, as it reports it, and returns what `call` resolves to.
 * @example const voiced = yield* streamed((onToken) => voice.reply(input, { onToken }), (text) => ({ event: 'token', data: { text } }));
 */
export async function* streamed<V, E, R>(
  call: (report: (value: V) => void) => Promise<R>,
  toEvent: (value: V) => E,
): AsyncGenerator<E, R> {
  const reported: V[] = [];
  let wake: (() => void) | null = null;
  let settled = false;
  let outcome: { ok: true; value: R } | { ok: false; error: unknown } | undefined;
  call((value) => {
    reported.push(value);
    wake?.();
  })
    .then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error }),
    )
    .finally(() => {
      settled = true;
      wake?.();
    });
  for (;;) {
    while (reported.length > 0) yield toEvent(reported.shift()!);
    if (settled) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.value;
}
