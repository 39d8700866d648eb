/**
 * @module practice/partner/summary-check
 * Whether a summary or reflection the coach offers fits what the partner has said: a partner
 * agrees with one that does, and says "Not quite." to one that overstates them or gets a fact
 * wrong (someone else, another count, a feeling they never voiced). Deciding and voicing both
 * read it, so a reflection the partner puts right never counts as an accurate one.
 */
import type { CoachAsk, PartnerCard, PartnerState } from '../types.js';
import { knownNow, peopleOf, relevance } from './knowledge.js';
import { sentencesOf } from './lines.js';
import { stemsOf } from './words.js';

/** Words that overstate a summary ("never", "all down to", "for good"): a partner corrects them unless they said them. */
const OVERSTATES =
  /\b(never|always|every|everyone|everything|nothing|nobody|all down to|entirely|completely|totally|for good|whoever|whatever|barely|hardly|happy|fine|failed|already|only)\b/gi;

/** Words any working life shares: a summary that matches a partner only on these is not theirs. */
const EVERYONE_SAYS = stemsOf(
  'manager work working make making get getting keep keeps people thing things time lot really',
);

/**
 * Whether a checked summary fits what the partner has been saying (else: "not quite"): some of
 * its words are things they have said, and it does not overstate them ("never", "for good",
 * "barely bothered") in words they did not use.
 */
export function summaryFits(card: PartnerCard, state: PartnerState, ask: CoachAsk): boolean {
  const saidText = saidBy(card, state);
  const said = stemsOf(saidText);
  const spoken = saidText.toLowerCase();
  const summary = ask.words.join(' ');
  const overstated = (summaryText(ask).match(OVERSTATES) ?? []).some(
    (w) => !new RegExp(`\\b${w.toLowerCase()}\\b`).test(spoken),
  );
  if (overstated) return false;
  if (ask.words.length < 3) return true;
  const asked = stemsOf(summary);
  const sharedWords = [...asked].filter((w) => said.has(w));
  const shared = sharedWords.length;
  // "your manager is making you work late": words every working life shares prove nothing;
  // some word of the summary must be theirs
  if (asked.size >= 3 && sharedWords.every((w) => EVERYONE_SAYS.has(w))) return false;
  return shared >= 2 || shared * 4 >= asked.size;
}

/** Feelings a summary may wrongly give a partner who never voiced them ("relieved", "excited"). */
const BRIGHT =
  /\b(relieved|relief|excited|exciting|pleased|glad|proud|thrilled|delighted|calm|confident|relaxed|comfortable|happy|content|grateful|fine|okay|ok|settled|at ease|enjoying|enjoy)\b/gi;
/** Numbers a summary may get wrong ("two weeks", "12 people"); "one" is too often not a number. */
const SUMMARY_NUMBER =
  /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty|thirty|forty|fifty|hundred|dozen)\b/gi;

/** A number and the thing it counts ("two weeks", "12 people"). */
const NUMBER_ALT = SUMMARY_NUMBER.source.slice(2, -2);
const COUNTED = new RegExp(`\\b${NUMBER_ALT} ([a-z]+)`, 'gi');
/** Days and months: capitalised, but nobody. */
const CALENDAR =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** What a summary or reflection got wrong about the facts: someone else, a number, a feeling. */
export type Mismatch = 'person' | 'number' | 'feeling' | 'denied';

/**
 * Whether a summary or reflection gets a fact wrong: names someone the partner does not know,
 * gives a number they never said, or a bright feeling ("relieved", "excited") they never voiced.
 * Words they used themselves are never wrong, whatever the summary does with them.
 */
export function mismatchOf(card: PartnerCard, state: PartnerState, ask: CoachAsk): Mismatch | null {
  const body = summaryBody(ask);
  if (!body) return null;
  const spoken = saidBy(card, state).toLowerCase();
  const unsaid = (w: string) => !new RegExp(`\\b${w.toLowerCase()}\\b`).test(spoken);
  const people = peopleOf(card);
  if (ask.names.some((n) => !people.has(n) && !CALENDAR.test(n) && unsaid(n))) return 'person';
  // "Hannah covered for you" when Leo did: the fact the rest of the summary is about names
  // someone else, and not them
  for (const name of ask.names.filter((n) => people.has(n))) {
    const lower = name.toLowerCase();
    const rest = { ...ask, names: [], words: ask.words.filter((w) => w !== lower) };
    const facts = knownNow(card, state)
      .filter((k) => k.source === 'fact')
      .map((k) => ({ k, score: relevance(rest, k, people) }))
      .filter((x) => x.score >= 2)
      .sort((a, b) => b.score - a.score);
    const top = facts[0]?.k.text ?? '';
    const named = [...people].filter((p) => new RegExp(`\\b${p}\\b`).test(top));
    if (named.length > 0 && !named.includes(name)) return 'person';
  }
  // "two weeks" where they said "three weeks": a number with the thing it counts
  for (const m of body.matchAll(COUNTED)) {
    const [n, thing] = [m[1].toLowerCase(), m[2].toLowerCase().replace(/s$/, '')];
    if (new RegExp(`\\b${n} ${thing}`).test(spoken)) continue;
    // a count they gave of the same thing; "two jobs at once" is an image, not a count of theirs
    if (new RegExp(`\\b${NUMBER_ALT} ${thing}`).test(spoken)) return 'number';
  }
  if ((body.match(BRIGHT) ?? []).some(unsaid)) return 'feeling';
  if (deniedBy(card, state, ask)) return 'denied';
  return null;
}

/** A plan said back ("you'll book time with Hannah", "so the plan is..."): the coach's steps, checked. */
const PLAN_SAID_BACK =
  /\b(you'll|you will|you're going to|you are going to|you plan to|you're planning to|your plan is|the plan is|your next steps?|you've decided to|you have decided to)\b/i;

/**
 * Whether the coach checks back a plan the partner never made: a summary of steps ("you'll
 * book time with Hannah") before they have said any step of their own. They answer it honestly
 * ("I hadn't got that far."), without adopting it, and it opens nothing.
 */
export function planNotTheirs(state: PartnerState, ask: CoachAsk | undefined): boolean {
  if (!ask?.summary || state.revealed.includes('action')) return false;
  return PLAN_SAID_BACK.test(summaryBody(ask).replace(/\u2019/g, "'"));
}

/**
 * A word of the summary the partner has said they are not ("I'm not a shy person"): the line
 * that says so, else null. "So it's mostly about being too shy?" is put right with it.
 */
export function deniedBy(card: PartnerCard, state: PartnerState, ask: CoachAsk): string | null {
  const body = summaryBody(ask).toLowerCase();
  if (!body) return null;
  // their own voice lines too: "I'm not a shy person" is theirs to say at any stage
  const own = Object.values(card.voice ?? {}).flat();
  // (never the coach's brief about them: that is not theirs to say)
  const theirs = [
    ...knownNow(card, state).map((k) => k.text),
    ...state.revealed.flatMap((l) => card.script?.disclose[l] ?? []),
    ...own,
  ];
  const lines = theirs.flatMap(sentencesOf);
  for (const word of ask.words.filter((w) => w.length >= 3)) {
    if (!new RegExp(`\\b${word}\\b`).test(body)) continue;
    // what they say they are not ("I'm not a shy person"), not a nuance ("it's not the credit")
    const denial = new RegExp(
      `\\bI(?:'m not|'m no| am not| am no|'ve never been| was never| wasn't| was not)\\s+(?:a |an |that |very |really )?${word}\\b`,
      'i',
    );
    const line = lines.find((l) => denial.test(l.replace(/\u2019/g, "'")));
    // said in the summary's own negation ("you're not shy"), it agrees with them
    if (line && !new RegExp(`\\b(not|n't|never)\\s+(\\w+\\s+)?${word}\\b`).test(body)) return line;
  }
  return null;
}

/** What the partner has said or may say: a summary that uses only these words is not wrong. */
function saidBy(card: PartnerCard, state: PartnerState): string {
  return [
    ...(card.script?.openings ?? []),
    ...knownNow(card, state).map((k) => k.text),
    ...state.revealed.flatMap((l) => [card.hidden[l], ...(card.script?.disclose[l] ?? [])]),
    card.brief,
    card.script?.topic ?? '',
  ].join(' ');
}

/** A summary as said, without its check ("..., is that right?"): the words it claims. */
export function summaryBody(ask: CoachAsk): string {
  const text = (ask.summary ?? '').trim();
  const sentences = sentencesOf(text);
  const last = sentences.at(-1) ?? '';
  if (sentences.length > 1 && last.endsWith('?') && last.split(/\s+/).length <= 7)
    return sentences.slice(0, -1).join(' ');
  return text
    .replace(
      /[,;]?\s*\b(is that right|is that correct|is that fair|is that it|have i got that right|did i get that right|am i right|does that sound right|right|yes|no)\?\s*$/i,
      '',
    )
    .replace(/\?\s*$/, '');
}

/** The summary as said, without its check ("Is that right?"), in lower case. */
function summaryText(ask: CoachAsk): string {
  return (ask.summary ?? ask.words.join(' ')).toLowerCase().replace(/[^.?!]*\?\s*$/, '');
}

/**
 * Whether the partner will put this summary or reflection right ("Not quite."): a checked one
 * that does not fit what they said, or any that gets a fact wrong. Such a turn earns no trust and
 * opens nothing, whatever its shape: being heard wrongly is not being heard.
 */
export function summaryMisread(card: PartnerCard, state: PartnerState, ask: CoachAsk): boolean {
  if (!ask.summary) return false;
  if (planNotTheirs(state, ask)) return true;
  if (mismatchOf(card, state, ask)) return true;
  return ask.kind === 'confirm_summary' && !summaryFits(card, state, ask);
}
