/**
 * @module test/support/partner-session
 * A scripted partner played turn by turn, as the partner tests read it: each coach line coded
 * against the partner's last reply, the partner moved, its reply spoken. Pure (no database).
 */
import { codeUtterance } from '../../api/practice/coder/index.js';
import { advancePartner, scriptedReply, startPartner } from '../../api/practice/partner/index.js';
import { getPartnerCard } from '../../api/practice/scenarios/index.js';
import type { PartnerState } from '../../api/practice/types.js';

/** Each reply after the opening, with the partner's state before and after that turn. */
export function playPartner(cardId: string, seed: number, turns: string[]) {
  const card = getPartnerCard(cardId)!;
  const started = startPartner(card, seed);
  let state = started.state;
  let reply = started.opening;
  const out: { reply: string; state: PartnerState; before: PartnerState }[] = [];
  for (const text of turns) {
    const before = state;
    const coding = codeUtterance(text, {
      prevPartner: reply,
      permissionGranted: state.permissionGranted,
    });
    const decided = advancePartner(card, state, coding, text);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    reply = spoken.text;
    out.push({ reply, state, before });
  }
  return { card, start: started.state, turns: out };
}
