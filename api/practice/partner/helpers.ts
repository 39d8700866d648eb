/**
 * @module practice/partner/helpers
 * "Who could help?": the person the partner would turn to, from the card. Who-answers otherwise
 * go by the facts' cues, which name who someone is, not who would help; a colleague asked who
 * could back them up names the one they trust, or the one their plan already hands work to.
 */
import type { HiddenLayer, PartnerCard, PartnerState } from '../types.js';
import type { Known } from './knowledge.js';

/** Words that say someone helps, or could ("the one I'd trust with anything", "she covered for me"). */
const HELPS =
  /\b(help|helps|helped|helping|helpful|support|supports|supported|supportive|kind|decent|trust|trusted|rely|relies|lean|cover|covers|covered|backs? me|backed me|mentor|mentored|advice|ally|on my side|listens|listened|calls? me|take over|takes over|handing|hand over|handed|delegate|share|sharing|pair|paired|shadow)\b/i;

/** Someone named by their part rather than their name ("My director was decent about it"). */
const ROLE =
  /\b(my|our) (manager|director|boss|lead|mentor|colleague|deputy|partner|sister|brother|mum|dad|husband|wife|friend)\b/i;

/** The names a line holds, of the people the card knows, or the part it names someone by. */
function namesIn(text: string, people: ReadonlySet<string>): string[] {
  const named = [...people].filter((p) => new RegExp(`\\b${p}\\b`).test(text));
  const role = ROLE.exec(text)?.[0];
  return role ? [...named, role] : named;
}

/**
 * The partner's lines that name a helper, best first: once the plan is said, its lines that name
 * someone (the plan takes up the helper); then lines that name a person and say they help or are
 * trusted (not the card's other person as such: on many cards the story turns on someone the
 * partner finds hard). The partner's own name never counts, nor someone only mentioned.
 */
export function helperPools(
  card: PartnerCard,
  state: Pick<PartnerState, 'revealed'>,
  known: readonly Known[],
  people: ReadonlySet<string>,
): string[][] {
  const self = card.partner.name.split(' ')[0];
  const others = new Set([...people].filter((p) => p !== self));
  const layerText = (layer: HiddenLayer) => [
    ...(card.script?.disclose[layer] ?? []),
    ...(card.script?.elaborate[layer] ?? []),
  ];
  const plan = state.revealed.includes('action')
    ? layerText('action').filter((t) => namesIn(t, others).length > 0)
    : [];
  const helping = known
    .filter((k) => k.source !== 'goal' && HELPS.test(k.text) && namesIn(k.text, others).length > 0)
    .map((k) => k.text);
  return [plan, helping];
}
