/**
 * @module core/client-turn-id
 * The id a coach turn carries so a retry is recognised by the server. `crypto.randomUUID` only
 * exists on secure origins, and an LMS may embed us on plain http during a pilot, so fall back to
 * getRandomValues (available everywhere) formatted as a version 4 UUID.
 */
export function newClientTurnId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
