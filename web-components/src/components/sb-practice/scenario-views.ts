/**
 * @module components/sb-practice/scenario-views
 * The two screens before a conversation: the scannable scenario list (who, the situation in one
 * line, difficulty, skills stretched, about how long) and the partner brief with Start.
 */
import { html, nothing } from 'lit';
import type { DrillSummary, ScenarioBrief } from '../../core/api-types.js';
import { renderAvatar } from '../../core/feedback-view.js';
import {
  DIFFICULTY,
  difficultyLabel,
  firstSentence,
  levelLabel,
  skillLabel,
} from '../../core/labels.js';

function facts(s: ScenarioBrief) {
  const minutes = DIFFICULTY[s.difficulty]?.minutes;
  return html`<ul class="facts" aria-label="About this conversation">
    <li class="fact difficulty ${s.difficulty}">${difficultyLabel(s.difficulty)}</li>
    ${minutes ? html`<li class="fact">About ${minutes} min</li>` : nothing}
    ${(s.focus ?? []).map((k) => html`<li class="fact skill">${skillLabel(k)}</li>`)}
  </ul>`;
}

function who(s: ScenarioBrief) {
  return html`<div class="person">
    ${renderAvatar(s.partner.name)}
    <span><strong>${s.partner.name}</strong><span class="muted"> · ${s.partner.role}, ${s.partner.team}</span></span>
  </div>`;
}

export function renderScenarioList(scenarios: ScenarioBrief[], choose: (s: ScenarioBrief) => void) {
  return html`<h2 id="view-heading" tabindex="-1">Choose a practice conversation</h2>
    <slot></slot>
    <ul class="scenarios" part="scenario-list">
      ${scenarios.map(
        (s) => html`<li class="scenario card" part="scenario">
          ${who(s)}
          <h3>${s.title}</h3>
          <p class="situation">${firstSentence(s.brief)}</p>
          ${facts(s)}
          <button type="button" class="btn primary" aria-label="Practise this: ${s.title}" @click=${() => choose(s)}>Practise this</button>
        </li>`,
      )}
    </ul>`;
}

export function renderBrief(opts: {
  scenario: ScenarioBrief | null;
  drill: DrillSummary | null;
  starting: boolean;
  canGoBack: boolean;
  start: () => void;
  back: () => void;
}) {
  const s = opts.scenario;
  const startLabel = opts.starting ? 'Starting…' : s ? 'Start the conversation' : 'Start the drill';
  const startButton = html`<button type="button" class="btn primary" part="start-button" aria-disabled=${opts.starting ? 'true' : 'false'} @click=${opts.start}>
    ${startLabel}
  </button>`;
  if (!s) {
    // a drill: the scenario is only known once the session starts
    const d = opts.drill;
    return html`<h2 id="view-heading" tabindex="-1">${d?.title ? `Drill: ${d.title}` : 'Your assigned drill'}</h2>
      ${d?.description ? html`<p>${d.description}</p>` : nothing}
      ${d?.focus?.length ? html`<p class="meta">Focus: ${d.focus.map(skillLabel).join(', ')}</p>` : nothing}
      ${renderDrillRules(d)}
      <p>When you start, you will meet your learning partner; their brief is at the top of the conversation.</p>
      <div class="actions">${startButton}</div>`;
  }
  return html`<h2 id="view-heading" tabindex="-1">${s.title}</h2>
    <section class="card" part="brief" aria-labelledby="brief-heading">
      <h3 id="brief-heading">Partner brief</h3>
      ${who(s)}
      <p>${s.brief}</p>
      ${facts(s)}
      <p class="muted">You are the coach. Listen, reflect back, ask open questions one at a time, and let ${s.partner.name} find their own way forward.</p>
    </section>
    <div class="actions">
      ${startButton}
      ${opts.canGoBack ? html`<button type="button" class="btn" @click=${opts.back}>Choose another</button>` : nothing}
    </div>`;
}

/** A drill's rules in plain words; shown before and throughout the drill. */
export function renderDrillRules(d: DrillSummary | null | undefined) {
  const c = d?.constraints;
  const levels = Object.entries(d?.passLevels ?? {}).filter(([, l]) => l);
  if (!c?.reflectionsOnlyFirstTurns && !c?.maxTurns && levels.length === 0) return nothing;
  return html`<ul class="rules" part="rules" aria-label="Drill rules">
    ${
      levels.length
        ? html`<li>To pass: ${levels.map(([skill, level]) => `${skillLabel(skill)} at ${levelLabel(level!)}`).join(', ')}.</li>`
        : nothing
    }
    ${
      c?.reflectionsOnlyFirstTurns
        ? html`<li>For your first ${c?.reflectionsOnlyFirstTurns} turns, only reflect back what you hear: no questions, no advice.</li>`
        : nothing
    }
    ${c?.maxTurns ? html`<li>You have at most ${c?.maxTurns} turns.</li>` : nothing}
  </ul>`;
}
