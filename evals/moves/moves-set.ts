/**
 * @module evals/moves/moves-set
 * The coaching-moves set (evals/data/moves): typed workplace peer-coaching turns written without
 * labels, labelled blind by two people. Reads the turns and each labeller's file, builds the gold
 * set (agreed labels; disagreements settled by adjudication or left out), and gives each turn the
 * context the product gives the coder: the partner's last words, their earlier words in the
 * dialogue, and whether the partner has just agreed to hear a suggestion.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoachCode, CoderContext, UtteranceLabel } from '../../api/practice/types.js';
import { UTTERANCE_LABELS } from '../../api/practice/types.js';
import { REPO_ROOT } from '../dataset.js';

export const MOVES_DIR = resolve(REPO_ROOT, 'evals', 'data', 'moves');
export const MOVES_FILES = {
  turns: resolve(MOVES_DIR, 'turns.jsonl'),
  a: resolve(MOVES_DIR, 'labels-a.jsonl'),
  b: resolve(MOVES_DIR, 'labels-b.jsonl'),
  adjudicated: resolve(MOVES_DIR, 'adjudicated.jsonl'),
  gold: resolve(MOVES_DIR, 'gold.jsonl'),
};

/** The moves the set is built to measure (at least 40 examples each), in report order. */
export const MEASURED_MOVES = [
  'judgement',
  'reassurance',
  'affirmation',
  'advice',
  'advice_with_permission',
  'permission_request',
  'contracting',
  'goal_question',
  'return_to_goal',
  'incisive_question',
  'action_question',
  'summary',
  'simple_reflection',
  'complex_reflection',
  'open_question',
  'closed_question',
] as const satisfies readonly CoachCode[];
export type MeasuredMove = (typeof MEASURED_MOVES)[number];

/** The five moves with a precision and recall target of 0.80 (issue 12). */
export const TARGET_MOVES: readonly MeasuredMove[] = [
  'judgement',
  'reassurance',
  'affirmation',
  'advice',
  'contracting',
];

export interface MoveTurn {
  id: string;
  dialogueId: string;
  prevPartner: string;
  text: string;
}

export interface MoveLabels {
  id: string;
  moves: string[];
  label: UtteranceLabel;
  engaged: boolean;
}

/** One gold turn: for each measured move, present / absent / unknown (labellers disagreed, not adjudicated). */
export interface GoldTurn extends MoveTurn {
  moves: Partial<Record<MeasuredMove, boolean>>;
  label: UtteranceLabel | null;
  engaged: boolean | null;
}

function readLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function readTurns(path = MOVES_FILES.turns): MoveTurn[] {
  return readLines<MoveTurn>(path);
}

/** A labeller's file, checked: every id known, labels from the 10, moves from the coaching codes. */
export function readLabels(path: string, turns: readonly MoveTurn[]): Map<string, MoveLabels> {
  const ids = new Set(turns.map((t) => t.id));
  const out = new Map<string, MoveLabels>();
  for (const l of readLines<MoveLabels>(path)) {
    if (!ids.has(l.id)) throw new Error(`${path}: unknown id ${l.id}`);
    if (!(UTTERANCE_LABELS as readonly string[]).includes(l.label))
      throw new Error(`${path}: ${l.id} has label ${l.label}`);
    out.set(l.id, l);
  }
  return out;
}

/** Adjudicated values for turns the labellers disagreed on; any field may be absent. */
export interface Adjudication {
  id: string;
  moves?: string[];
  label?: UtteranceLabel;
  engaged?: boolean;
  note?: string;
}

export function readAdjudications(path = MOVES_FILES.adjudicated): Map<string, Adjudication> {
  return new Map(existsSync(path) ? readLines<Adjudication>(path).map((a) => [a.id, a]) : []);
}

/** Where two labellers part on one turn. */
export interface Disagreement {
  id: string;
  field: string;
  a: string;
  b: string;
  adjudicated: string | null;
}

/**
 * The gold set. With one labeller, that labeller's labels. With two: agreed values, and on a
 * disagreement the adjudicated value, or unknown (left out of that move's figures) until adjudicated.
 */
export function buildGold(
  turns: readonly MoveTurn[],
  a: Map<string, MoveLabels>,
  b: Map<string, MoveLabels> | null,
  adjudications: Map<string, Adjudication> = new Map(),
): { gold: GoldTurn[]; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  const gold = turns.map((t): GoldTurn => {
    const la = a.get(t.id);
    const lb = b?.get(t.id);
    const adj = adjudications.get(t.id);
    const moves: Partial<Record<MeasuredMove, boolean>> = {};
    if (!la) return { ...t, moves, label: null, engaged: null };
    if (!b) {
      for (const m of MEASURED_MOVES) moves[m] = la.moves.includes(m);
      return { ...t, moves, label: la.label, engaged: la.engaged };
    }
    if (!lb) return { ...t, moves, label: null, engaged: null };
    for (const m of MEASURED_MOVES) {
      const va = la.moves.includes(m);
      const vb = lb.moves.includes(m);
      if (va === vb) moves[m] = va;
      else {
        const settled = adj?.moves ? adj.moves.includes(m) : undefined;
        disagreements.push({
          id: t.id,
          field: m,
          a: String(va),
          b: String(vb),
          adjudicated: settled === undefined ? null : String(settled),
        });
        if (settled !== undefined) moves[m] = settled;
      }
    }
    let label: UtteranceLabel | null = la.label;
    if (la.label !== lb.label) {
      label = adj?.label ?? null;
      disagreements.push({
        id: t.id,
        field: 'label',
        a: la.label,
        b: lb.label,
        adjudicated: label,
      });
    }
    let engaged: boolean | null = la.engaged;
    if (la.engaged !== lb.engaged) {
      engaged = adj?.engaged ?? null;
      disagreements.push({
        id: t.id,
        field: 'engaged',
        a: String(la.engaged),
        b: String(lb.engaged),
        adjudicated: engaged === null ? null : String(engaged),
      });
    }
    return { ...t, moves, label, engaged };
  });
  return { gold, disagreements };
}

/** Everything the product knows when it codes a turn, read off the dialogue. */
export interface TurnContext extends CoderContext {
  prevPartner: string;
}

const AGREES =
  /^(?:yes|yeah|yep|sure|ok|okay|go on|go ahead|go for it|please|tell me|that would|that'd|i'd (?:like|love|welcome)|i would|absolutely|definitely|why not)\b/i;

/**
 * The coder's context for every turn, in file order. `permissionGranted` is set as the partner
 * state sets it: the coach's previous turn asked permission (as the coder read it) and the partner
 * said yes. Earlier partner words go in `earlierPartner`, most recent last.
 */
export function contexts(
  turns: readonly MoveTurn[],
  askedPermission: (text: string, ctx: CoderContext) => boolean,
): TurnContext[] {
  const out: TurnContext[] = [];
  let dialogue = '';
  let history: string[] = [];
  let lastAsked = false;
  for (const t of turns) {
    if (t.dialogueId !== dialogue) {
      dialogue = t.dialogueId;
      history = [];
      lastAsked = false;
    }
    const ctx: TurnContext = {
      prevPartner: t.prevPartner,
      earlierPartner: history.slice(),
      permissionGranted: lastAsked && AGREES.test(t.prevPartner.trim()),
    };
    out.push(ctx);
    lastAsked = askedPermission(t.text, ctx);
    history.push(t.prevPartner);
  }
  return out;
}
