/**
 * @module practice/coder/features
 * Turns one coach turn (and the partner's words just before it) into the sparse, named features
 * the linear utterance model weighs. The trainer (evals/) and the run-time coder call this same
 * function, so the shipped model always sees what it was trained on.
 */
import { normalise, sentences, stripFiller, words, isQuestionSentence } from './text.js';

/** Words too common to say anything about overlap with what the partner said. */
const STOP = new Set(
  (
    'a an the and or but so to of in on at for with about is are was were be been am do does did i you he she it we they me my your ' +
    'his her its our their this that these those not no yes yeah okay ok um uh like just really very have has had what how why ' +
    'when where who which if then than there here as by from up out get got going go gonna can could would should will know think ' +
    'mm hmm right well kind sort thing things lot little bit mean'
  ).split(' '),
);

const SECOND_PERSON = new Set([
  'you',
  "you're",
  'your',
  'yourself',
  "you've",
  "you'd",
  "you'll",
  'yours',
]);
const FIRST_PERSON = new Set(['i', "i'm", 'my', 'me', "i've", "i'd", "i'll", 'mine', 'myself']);

function bucket(n: number, edges: number[]): string {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return String(i);
}

/** How much of the coach turn repeats the partner's content words: reflections echo, advice does not. */
export function overlap(turnWords: readonly string[], prevWords: readonly string[] | null): number {
  if (prevWords === null) return -1;
  const pw = new Set<string>();
  for (const w of prevWords) if (!STOP.has(w)) pw.add(w);
  let content = 0;
  let hit = 0;
  for (const w of turnWords) {
    if (STOP.has(w)) continue;
    content++;
    if (pw.has(w)) hit++;
  }
  return content === 0 || pw.size === 0 ? 0 : hit / content;
}

/** A coach turn taken apart once: shared by the features, the move cues and the label decision. */
export interface ParsedTurn {
  norm: string;
  words: string[];
  sentences: string[];
  /** the partner's previous words, normalised; null when there were none */
  prevNorm: string | null;
  /** share of the turn's content words that echo the partner (-1 without a partner turn) */
  echo: number;
}

/** Parse a coach turn and the partner's words before it. */
export function parseTurn(text: string, prevPartner?: string | null): ParsedTurn {
  const norm = normalise(text ?? '');
  const ws = words(norm);
  const prevNorm = prevPartner ? normalise(prevPartner) : null;
  return {
    norm,
    words: ws,
    sentences: sentences(norm),
    prevNorm,
    echo: overlap(ws, prevNorm === null ? null : words(prevNorm)),
  };
}

/** Features of the start of a sentence: the first one and two words after filler. */
function openers(prefix: string, sentence: string, out: string[]): void {
  const ws = words(stripFiller(sentence));
  if (ws.length === 0) return;
  out.push(`${prefix}1:${ws[0]}`);
  if (ws.length > 1) out.push(`${prefix}2:${ws[0]}_${ws[1]}`);
  if (ws.length > 2) out.push(`${prefix}3:${ws[0]}_${ws[1]}_${ws[2]}`);
}

/**
 * Named features of a coach turn. Duplicates are removed; each present feature has value 1.
 * @example turnFeatures('So you feel stuck?', 'I am stuck') // ['w:so', 'w:you', ..., 'qend']
 */
export function turnFeatures(text: string, prevPartner?: string | null): string[] {
  return featuresOf(parseTurn(text, prevPartner), text);
}

/** Features of an already parsed turn (`text` is the raw turn, for its leading/trailing dashes). */
export function featuresOf(t: ParsedTurn, text: string): string[] {
  const { norm, words: ws, sentences: sents } = t;
  const out: string[] = [];

  for (let i = 0; i < ws.length; i++) {
    out.push(`w:${ws[i]}`);
    if (i + 1 < ws.length) out.push(`b:${ws[i]}_${ws[i + 1]}`);
  }
  // How the turn itself begins, filler included ("so," "okay, so", "mm-hmm.")
  if (ws.length > 0) out.push(`s1:${ws[0]}`);
  if (ws.length > 1) out.push(`s2:${ws[0]}_${ws[1]}`);
  if (ws.length > 0) out.push(`e1:${ws[ws.length - 1]}`);

  const questions = sents.filter(isQuestionSentence);
  out.push(`nq:${Math.min(questions.length, 3)}`);
  if (/\?\s*$/.test(norm)) out.push('qend');
  if (/[-]\s*$/.test(text.trim())) out.push('cutoff');
  if (/^\s*[-]/.test(text.trim())) out.push('contd');
  out.push(`len:${bucket(ws.length, [1, 2, 4, 7, 12, 20, 35, 60])}`);
  out.push(`ns:${Math.min(sents.length, 4)}`);

  if (sents.length > 0) {
    openers('f', sents[0], out);
    const last = sents[sents.length - 1];
    openers('l', last, out);
    out.push(isQuestionSentence(last) ? 'lastq' : 'lastnq');
    for (const q of questions) openers('q', q, out);
    // the first few statements are enough: long monologues would only add noise and time
    let statements = 0;
    for (const s of sents) if (!isQuestionSentence(s) && statements++ < 4) openers('d', s, out);
  }

  let you = 0;
  let me = 0;
  for (const w of ws) {
    if (SECOND_PERSON.has(w)) you++;
    else if (FIRST_PERSON.has(w)) me++;
  }
  out.push(`you:${bucket(you, [0, 1, 3])}`);
  out.push(`me:${bucket(me, [0, 1, 3])}`);
  if (you > 0 && me === 0) out.push('you_only');

  if (t.prevNorm === null) out.push('noprev');
  else {
    out.push(`ov:${bucket(t.echo, [0, 0.15, 0.3, 0.5])}`);
    if (/\?\s*$/.test(t.prevNorm)) out.push('prevq');
    // a rough word count is enough for a length bucket
    let spaces = 0;
    for (let i = 0; i < t.prevNorm.length && spaces <= 25; i++)
      if (t.prevNorm.charCodeAt(i) === 32) spaces++;
    out.push(`plen:${bucket(spaces + 1, [2, 8, 25])}`);
  }
  return [...new Set(out)];
}
