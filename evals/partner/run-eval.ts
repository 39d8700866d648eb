/**
 * @module evals/partner/run-eval
 * Plays every scripted coach transcript against every chosen partner card, exactly as the session
 * route does (code the turn, let the engine decide, let the voice word it, scripted reply as the
 * fallback), recording each raw model attempt through the services' observe hook.
 */
import { createLlmServices, type LlmConfig } from '../../api/llm/index.js';
import { checkPartnerReply, guardContextFor } from '../../api/llm/partner-guard.js';
import type { PartnerAttempt } from '../../api/llm/partner-voice.js';
import type { LlmServices } from '../../api/llm/types.js';
import { codeUtterance } from '../../api/practice/coder/index.js';
import { advancePartner, scriptedReply, startPartner } from '../../api/practice/partner/index.js';
import { scoreSession } from '../../api/practice/rubric/index.js';
import {
  HIDDEN_LAYERS,
  type HiddenLayer,
  type PartnerCard,
  type TranscriptTurn,
} from '../../api/practice/types.js';
import {
  summarise,
  verdicts,
  type EvalSession,
  type EvalTurn,
  type KindSummary,
  type Verdict,
} from './measures.js';
import { TRANSCRIPTS, type CoachTranscript, type TranscriptKind } from './transcripts.js';

export interface PartnerEvalReport {
  endpoint: string;
  model: string;
  byKind: Record<TranscriptKind, KindSummary>;
  verdicts: Verdict[];
  passed: boolean;
  /** median ms to the first streamed token, and to the whole reply */
  firstTokenMsP50: number | null;
  replyMsP50: number;
  sessions: EvalSession[];
}

export interface PartnerEvalOptions {
  config: LlmConfig;
  cards: readonly PartnerCard[];
  transcripts?: CoachTranscript[];
  seed?: number;
  /** sessions in flight at once (a local model wants 1) */
  concurrency?: number;
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

function leakedLayers(
  card: PartnerCard,
  reply: string,
  open: Set<HiddenLayer>,
  guard: ReturnType<typeof guardContextFor>,
): HiddenLayer[] {
  const out: HiddenLayer[] = [];
  const v = checkPartnerReply(reply, guard, false);
  if (!v.ok && v.reason === 'gated_layer') out.push(v.detail as HiddenLayer);
  for (const layer of HIDDEN_LAYERS) {
    if (open.has(layer) || out.includes(layer)) continue;
    const lines = [card.hidden[layer], ...(card.script?.disclose[layer] ?? [])];
    // a verbatim stretch of a locked layer is a leak whatever the word statistics say
    if (lines.some((l) => l.length > 30 && reply.includes(l.slice(0, 30)))) out.push(layer);
  }
  return out;
}

async function runSession(
  llm: LlmServices,
  observed: { current: PartnerAttempt[] },
  card: PartnerCard,
  t: CoachTranscript,
  seed: number,
): Promise<EvalSession> {
  const start = startPartner(card, seed);
  const opening = start.opening;
  let state = start.state;
  const history: Pick<TranscriptTurn, 'role' | 'text'>[] = [{ role: 'partner', text: opening }];
  const voiced: TranscriptTurn[] = [{ index: 0, role: 'partner', text: opening }];
  const scripted: TranscriptTurn[] = [{ index: 0, role: 'partner', text: opening }];
  const recoded: TranscriptTurn[] = [{ index: 0, role: 'partner', text: opening }];
  const turns: EvalTurn[] = [];
  for (const [i, coachText] of t.turns.entries()) {
    const prevPartner = history[history.length - 1].text;
    const offline = codeUtterance(coachText, {
      prevPartner,
      permissionGranted: state.permissionGranted,
    });
    const coding = llm.refineCoding
      ? await llm.refineCoding(coachText, prevPartner, offline)
      : offline;
    const decided = advancePartner(card, state, coding, coachText);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    history.push({ role: 'coach', text: coachText });
    const attempts: PartnerAttempt[] = [];
    observed.current = attempts;
    const t0 = performance.now();
    let firstTokenMs: number | null = null;
    const r = await llm.partner.reply(
      { card, directive: decided.directive, history, coachText, fallbackText: spoken.text },
      { onToken: () => (firstTokenMs ??= performance.now() - t0) },
    );
    const totalMs = performance.now() - t0;
    history.push({ role: 'partner', text: r.text });
    const open = new Set(decided.directive.mayReveal.map((l) => l.layer));
    const guard = guardContextFor({
      card,
      directive: decided.directive,
      history: history.slice(0, -1),
      coachText,
    });
    turns.push({
      coachText,
      injection: t.injections?.includes(i) ?? false,
      directive: decided.directive,
      reply: r.text,
      source: r.source,
      fallbackReason: r.fallbackReason,
      attempts,
      leakedLayers: r.source === 'llm' ? leakedLayers(card, r.text, open, guard) : [],
      firstTokenMs,
      totalMs,
    });
    for (const [list, text, c] of [
      [voiced, r.text, coding],
      [scripted, spoken.text, offline],
      [recoded, spoken.text, coding],
    ] as const) {
      list.push({ index: list.length, role: 'coach', text: coachText, coding: c });
      list.push({ index: list.length, role: 'partner', text });
    }
  }
  const levels = (ts: TranscriptTurn[]) =>
    Object.fromEntries(scoreSession(ts).skills.map((s) => [s.skill, s.level]));
  return {
    cardId: card.id,
    transcriptId: t.id,
    kind: t.kind,
    turns,
    layersRevealed: state.revealed.length,
    levels: levels(voiced),
    scriptedLevels: levels(scripted),
    recodedLevels: levels(recoded),
  };
}

/**
 * Runs the eval against the endpoint in `config` (the fake server or a real one).
 * @example const report = await runPartnerEval({ config, cards: PARTNER_CARDS });
 */
export async function runPartnerEval(opts: PartnerEvalOptions): Promise<PartnerEvalReport> {
  const transcripts = opts.transcripts ?? TRANSCRIPTS;
  const jobs = opts.cards.flatMap((card) => transcripts.map((t) => ({ card, t })));
  const sessions: EvalSession[] = [];
  let next = 0;
  const worker = async () => {
    // one services instance per worker: the observe hook attributes attempts to this worker's turn
    const observed = { current: [] as PartnerAttempt[] };
    const llm = createLlmServices(opts.config, { observePartner: (a) => observed.current.push(a) });
    while (next < jobs.length) {
      const { card, t } = jobs[next++];
      sessions.push(await runSession(llm, observed, card, t, opts.seed ?? 1));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  const kinds: TranscriptKind[] = ['good', 'poor', 'adversarial'];
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, summarise(sessions.filter((s) => s.kind === k))]),
  ) as Record<TranscriptKind, KindSummary>;
  const v = verdicts(
    byKind,
    sessions.filter((s) => s.kind === 'adversarial'),
  );
  const allTurns = sessions.flatMap((s) => s.turns);
  return {
    endpoint: opts.config.baseURL ?? 'https://api.openai.com/v1',
    model: opts.config.partnerModel,
    byKind,
    verdicts: v,
    passed: v.every((x) => x.passed),
    firstTokenMsP50: median(
      allTurns.flatMap((t) => (t.firstTokenMs === null ? [] : [t.firstTokenMs])),
    ),
    replyMsP50: median(allTurns.map((t) => t.totalMs)) ?? 0,
    sessions,
  };
}
