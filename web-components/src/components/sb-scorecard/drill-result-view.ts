/**
 * @module components/sb-scorecard/drill-result-view
 * A drill session's result: passed or not, then each rule with whether it was kept and the
 * turns that show it, and "Try the drill again" one click away.
 */
import { html, nothing } from 'lit';
import type { DrillSummary, SessionTurn } from '../../core/api-types.js';
import { CAUTION_CODES } from '../../core/labels.js';

const REFLECTIONS = new Set(['simple_reflection', 'complex_reflection', 'summary']);
const QUESTIONS = new Set([
  'open_question',
  'closed_question',
  'stacked_questions',
  'leading_question',
  'goal_question',
  'incisive_question',
  'action_question',
]);

export interface RuleOutcome {
  rule: string;
  kept: boolean;
  /** per turn, in plain words, with the turn number */
  turns: { index: number; ok: boolean; words: string }[];
  why: string;
}

/** Each rule of the drill, judged from the coded turns (the server's verdict decides pass or not). */
export function ruleOutcomes(drill: DrillSummary, turns: SessionTurn[]): RuleOutcome[] {
  const coach = turns.filter((t) => t.role === 'coach').sort((a, b) => a.index - b.index);
  const out: RuleOutcome[] = [];
  const n = drill.constraints?.reflectionsOnlyFirstTurns;
  if (n) {
    const judged = coach.slice(0, n).map((t) => {
      const codes = t.codes ?? [];
      const reflects = codes.some((c) => REFLECTIONS.has(c));
      const asks = codes.some((c) => QUESTIONS.has(c));
      const caution = codes.some((c) => CAUTION_CODES.has(c));
      const ok = reflects && !asks && !caution;
      const words = ok
        ? 'a reflection'
        : !reflects
          ? 'not a reflection'
          : asks
            ? 'a reflection with a question'
            : 'a reflection with advice or judgement';
      return { index: t.index, ok, words };
    });
    const kept = judged.length >= n && judged.every((j) => j.ok);
    const why =
      judged.length < n
        ? `You took ${judged.length} turn${judged.length === 1 ? '' : 's'}; the rule covers ${n}.`
        : kept
          ? 'Every one was a reflection.'
          : 'Not every one was a reflection alone.';
    out.push({ rule: `Only reflect back in your first ${n} turns`, kept, turns: judged, why });
  }
  const max = drill.constraints?.maxTurns;
  if (max) {
    out.push({
      rule: `At most ${max} turns`,
      kept: coach.length <= max,
      turns: [],
      why: `You took ${coach.length}.`,
    });
  }
  return out;
}

export function renderDrillResult(opts: {
  drill: DrillSummary;
  result: { passed: boolean; reasons: string[] };
  turns: SessionTurn[];
  showTurn: (index: number) => void;
  retry: () => void;
  readOnly?: boolean;
}) {
  const rules = ruleOutcomes(opts.drill, opts.turns);
  const { passed, reasons } = opts.result;
  return html`<section class="drill-result card ${passed ? 'passed' : 'not-passed'}" part="drill-result" aria-labelledby="drill-result-heading">
    <h3 id="drill-result-heading">
      <span class="level ${passed ? 'good' : 'not_yet'}">${passed ? 'Drill passed' : 'Drill not passed yet'}</span>
      ${opts.drill.title}
    </h3>
    <ul class="rules-result">
      ${rules.map(
        (r) => html`<li>
          <span class="mark ${r.kept ? 'pass' : 'fail'}" aria-hidden="true">${r.kept ? '✓' : '✗'}</span>
          <span>
            <strong>${r.rule}</strong><span class="sr-only">${r.kept ? ': kept' : ': not kept'}</span>. ${r.why}
            ${
              r.turns.length
                ? html`<span class="rule-turns">
                  ${r.turns.map(
                    (
                      t,
                    ) => html`<button type="button" class="link ${t.ok ? '' : 'miss'}" @click=${() => opts.showTurn(t.index)}>
                      Turn ${t.index + 1}: ${t.words}
                    </button>`,
                  )}
                </span>`
                : nothing
            }
          </span>
        </li>`,
      )}
      ${reasons.map(
        (r) =>
          html`<li><span class="mark fail" aria-hidden="true">✗</span><span><span class="sr-only">Not met: </span>${capitalise(r)}.</span></li>`,
      )}
      ${passed && rules.length === 0 ? html`<li><span class="mark pass" aria-hidden="true">✓</span><span>Every check the drill asks for was met.</span></li>` : nothing}
    </ul>
    ${
      opts.readOnly
        ? nothing
        : html`<button type="button" class="btn ${passed ? '' : 'primary'} print-hide" part="retry-drill-button" @click=${opts.retry}>Try the drill again</button>`
    }
  </section>`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
