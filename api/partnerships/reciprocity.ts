/**
 * @module partnerships/reciprocity
 * Learning Partners take turns coaching each other. From the sessions held: who coached last, the
 * balance over the series, who is due to coach next, and a nudge when one partner has coached
 * three times in a row. Pure.
 */

export const NUDGE_AFTER = 3;

export interface HeldSession {
  heldOn: string;
  /** null when the coach has since deleted their account */
  coachId: string | null;
}

export interface Reciprocity {
  /** sessions coached, by person id */
  coached: Record<string, number>;
  lastCoachId: string | null;
  /** consecutive sessions the last coach has coached, counting back from the latest */
  streak: number;
  /** who coaches next: the one who did not coach last (or the agreed first coach) */
  nextCoachId: string | null;
  /** 0 (one-sided) .. 1 (even): fewer coached / more coached */
  balance: number;
  /** a plain-words nudge, or null */
  nudge: string | null;
}

/**
 * @param sessions oldest first
 * @example reciprocity([{ heldOn: '2026-01-05', coachId: a }], [a, b], names) // lastCoachId a, nextCoachId b
 */
export function reciprocity(
  sessions: readonly HeldSession[],
  partnerIds: readonly [string, string],
  names: Record<string, string>,
  firstCoachId?: string,
): Reciprocity {
  const coached: Record<string, number> = Object.fromEntries(partnerIds.map((id) => [id, 0]));
  for (const s of sessions) if (s.coachId && s.coachId in coached) coached[s.coachId]++;
  const last = sessions.length ? sessions[sessions.length - 1].coachId : null;
  let streak = 0;
  for (let i = sessions.length - 1; i >= 0 && last && sessions[i].coachId === last; i--) streak++;
  const other = (id: string) => (id === partnerIds[0] ? partnerIds[1] : partnerIds[0]);
  const nextCoachId = last && partnerIds.includes(last) ? other(last) : (firstCoachId ?? null);
  const [lo, hi] = [Math.min(...Object.values(coached)), Math.max(...Object.values(coached))];
  const balance = hi === 0 ? 1 : Math.round((lo / hi) * 100) / 100;
  const nudge =
    last && streak >= NUDGE_AFTER && partnerIds.includes(last)
      ? `${names[last] ?? 'One partner'} has coached the last ${streak} sessions; next time, ${names[other(last)] ?? 'the other partner'} could coach.`
      : null;
  return { coached, lastCoachId: last, streak, nextCoachId, balance, nudge };
}
