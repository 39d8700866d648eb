/**
 * @module lti/pages
 * The HTML the LMS iframe shows: the practice page for learners and the facilitator view for
 * instructors (both load the component bundle with a short-lived token), the deep-linking drill
 * picker, the self-submitting form that carries a deep-linking response back to the platform, and
 * a plain error page for a refused launch. Every page gets a fresh CSP nonce; all text is escaped.
 */
import { framedPagePolicy } from '../routes/embed/frame-policy.js';
import type { HeldBack } from './course-membership.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export function pageNonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b));
}

/** CSP for the iframe pages: framed only by the platform; the deep-linking form posts to it. */
export function ltiPagePolicy(nonce: string, frameOrigins: readonly string[]): string {
  return framedPagePolicy(nonce, frameOrigins, frameOrigins);
}

const STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; padding: 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; }
  .muted { opacity: .8; }
  ul.drills { list-style: none; padding: 0; display: grid; gap: .75rem; }
  ul.drills li { border: 1px solid #8884; border-radius: .5rem; padding: .75rem 1rem; }
  ul.drills h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
  button { font: inherit; padding: .45rem 1rem; border-radius: .4rem; border: 1px solid #0f4c81; background: #0f4c81; color: #fff; cursor: pointer; }
  label.graded { display: inline-flex; gap: .4rem; align-items: center; margin-right: 1rem; }
  .error { border-left: 4px solid #b3261e; padding: .5rem 1rem; }
  .notice { border-left: 4px solid #8a5a00; padding: .5rem 1rem; }
  :focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
`;

function shell(title: string, nonce: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Sounding Board</title>
<style nonce="${nonce}">${STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

export interface LaunchPageInput {
  view: 'learner' | 'facilitator';
  token: string;
  apiBase: string;
  drillId: string | null;
  cohortId: string | null;
  title: string;
  nonce: string;
  /** an instructor launch that opens the learner view says why */
  notice?: HeldBack | null;
}

/** Why an instructor sees the practice page instead of their course, and who can change that. */
function noticeText(held: HeldBack): string {
  if (held.kind === 'removed')
    return 'You were taken off this course’s cohort in Sounding Board, so this opens as practice. An admin can add you back.';
  const n = held.cohorts;
  return `You teach this course, but your Sounding Board account is a learner in ${n} cohort${n === 1 ? '' : 's'}, so this opens as practice. An admin can make you a facilitator once you are out of ${n === 1 ? 'it' : 'them'}.`;
}

/** The page a valid resource-link launch opens inside the LMS iframe. */
export function renderLaunchPage(p: LaunchPageInput): string {
  const common = `api-base="${esc(p.apiBase)}" token="${esc(p.token)}"`;
  const element =
    p.view === 'learner'
      ? `<sb-practice ${common}${p.drillId ? ` drill="${esc(p.drillId)}"` : ''} feedback="live"></sb-practice>`
      : `<sb-facilitator ${common}${p.cohortId ? ` cohort="${esc(p.cohortId)}"` : ''}></sb-facilitator>`;
  const intro =
    p.view === 'learner'
      ? p.drillId
        ? ''
        : '<p class="muted">No drill is linked to this activity yet, so you can practise any scenario.</p>'
      : '<p class="muted">Your course’s learners, their skills and drill completion. Learners who open this activity see the practice page.</p>';
  const notice = p.notice
    ? `<p class="notice" role="note" data-notice="${p.notice.kind}">${esc(noticeText(p.notice))}</p>\n`
    : '';
  return shell(
    p.title,
    p.nonce,
    `<main>
<h1>${esc(p.title)}</h1>
${notice}${intro}
${element}
</main>`,
    `<script type="module" src="/embed/sounding-board.js"></script>`,
  );
}

export interface PickerDrill {
  id: string;
  title: string;
  description: string;
}

/** The deep-linking picker: one form per drill, each posting the signed ticket back. */
export function renderDrillPicker(p: {
  drills: PickerDrill[];
  ticket: string;
  acceptLineItem: boolean;
  nonce: string;
}): string {
  const items = p.drills
    .map(
      (d) => `<li>
  <form method="post" action="/lti/deep-link">
    <h2>${esc(d.title)}</h2>
    <p class="muted">${esc(d.description)}</p>
    <input type="hidden" name="ticket" value="${esc(p.ticket)}">
    <input type="hidden" name="drill_id" value="${esc(d.id)}">
    ${p.acceptLineItem ? `<label class="graded"><input type="checkbox" name="graded" value="1" checked> Send grades to the gradebook</label>` : ''}
    <button type="submit">Add “${esc(d.title)}”</button>
  </form>
</li>`,
    )
    .join('\n');
  return shell(
    'Choose a drill',
    p.nonce,
    `<main>
<h1>Choose a drill for your course</h1>
<p class="muted">Learners who open the link practise this drill with an AI learning partner; their score can go to your gradebook.</p>
<ul class="drills">
${items || '<li>No drills in this organisation yet.</li>'}
</ul>
</main>`,
  );
}

/** Posts the signed deep-linking response to the platform (scripted submit, with a button as fallback). */
export function renderAutoPost(p: { action: string; jwt: string; nonce: string }): string {
  return shell(
    'Returning to your course',
    p.nonce,
    `<main>
<form id="return" method="post" action="${esc(p.action)}">
  <input type="hidden" name="JWT" value="${esc(p.jwt)}">
  <p>Returning to your course…</p>
  <noscript><button type="submit">Continue</button></noscript>
</form>
<script nonce="${p.nonce}">document.getElementById('return').submit();</script>
</main>`,
  );
}

/** A refused login or launch: what went wrong and what to do. Never includes a token. */
export function renderLaunchError(p: { reason: string; message: string; nonce: string }): string {
  return shell(
    'Launch refused',
    p.nonce,
    `<main>
<h1>Sounding Board could not open this activity</h1>
<div class="error" role="alert">
  <p>${esc(p.message)}</p>
  <p class="muted">Reason code: <code data-reason>${esc(p.reason)}</code></p>
</div>
<p>Go back to your course and open the activity again. If this keeps happening, give your LMS administrator the reason code above; the setup guide for your platform is in Sounding Board’s docs (docs/lms/).</p>
</main>`,
  );
}
