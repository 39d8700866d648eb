/**
 * @module routes/embed/demo-page
 * The demo course page served at `/` (and the facilitator view at `/facilitator`): an LMS-style
 * lesson that embeds the components exactly as an LMS author would, with one script tag and
 * a token, and reacts to their events (refreshes progress when a session ends). The demo
 * learner's token comes from `/api/demo/tokens`, which only exists in demo mode.
 */

export type DemoView = 'learner' | 'facilitator';

const STYLE = `
  :root { color-scheme: light dark; --page-bg: #f3f4f6; --page-text: #1b1f24; --panel: #ffffff; --muted: #4a5360; --brand: #0f4c81; --brand-text: #ffffff; --brand-accent: #14532d; --line: #d5d9df; }
  @media (prefers-color-scheme: dark) { :root { --page-bg: #0f1216; --page-text: #e8eaed; --panel: #16191d; --muted: #b3bbc6; --brand: #1b3a5c; --brand-text: #ffffff; --brand-accent: #8fdca6; --line: #2c333b; } }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif; background: var(--page-bg); color: var(--page-text); line-height: 1.55; }
  a { color: inherit; }
  .skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 2; }
  .skip:focus { left: 0.5rem; }
  header.top { background: var(--brand); color: var(--brand-text); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; justify-content: space-between; }
  header.top .brand { font-weight: 700; font-size: 1.1rem; }
  header.top nav a { color: var(--brand-text); margin-left: 1rem; }
  .layout { display: grid; grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr); gap: 1.5rem; max-width: 78rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  aside.course nav ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .25rem; }
  aside.course nav a { display: block; padding: .4rem .6rem; border-radius: .4rem; text-decoration: none; }
  aside.course nav a[aria-current="page"] { background: var(--panel); font-weight: 600; border-left: 4px solid var(--brand); }
  aside.course h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 .5rem; }
  main { min-width: 0; }
  .crumbs { font-size: .875rem; color: var(--muted); margin-bottom: .5rem; }
  h1 { margin: 0 0 .75rem; font-size: 1.75rem; line-height: 1.2; }
  .lesson-meta { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: -.25rem 0 1.25rem; color: var(--muted); font-size: .95rem; }
  .lesson-meta span + span::before { content: "·"; margin-right: 1.25rem; margin-left: -.75rem; }
  aside.course nav a.done::before { content: "✓ "; color: var(--brand-accent); font-weight: 700; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .panel { background: var(--panel); border: 1px solid var(--line); border-radius: .75rem; padding: 1.5rem; margin-bottom: 1.5rem; box-shadow: 0 1px 2px rgb(0 0 0 / .04), 0 4px 16px rgb(0 0 0 / .04); }
  .panel > h2 { margin-top: 0; font-size: 1.25rem; }
  .objectives { margin: .5rem 0 0; padding-left: 1.25rem; }
  .notice { border-left: 4px solid var(--brand); padding: .75rem 1rem; background: var(--panel); margin-bottom: 1.5rem; }
  .notice[hidden] { display: none; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--page-bg); padding: .75rem; border-radius: .4rem; font-size: .85rem; }
  sb-practice, sb-drills, sb-progress, sb-facilitator { --sb-radius: .5rem; }
  .layout.single { grid-template-columns: minmax(0, 1fr); max-width: 72rem; }
  @media (max-width: 48rem) { .layout { grid-template-columns: minmax(0, 1fr); padding: 1rem .75rem 2rem; } aside.course { order: 2; } }
  :focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
`;

/** The page's own script: fetch the demo tokens, hand them to the components, react to events. */
const SCRIPT = (view: DemoView) => `
  const notice = document.getElementById('notice');
  const say = (text) => { notice.textContent = text; notice.hidden = false; };
  async function tokens() {
    const res = await fetch('/api/demo/tokens');
    if (!res.ok) throw new Error('demo tokens unavailable (' + res.status + ')');
    return res.json();
  }
  async function hand() {
    try {
      const t = await tokens();
      const token = ${view === 'facilitator' ? 't.facilitator' : 't.learner'};
      document.querySelectorAll('[data-sb-token]').forEach((el) => el.setAttribute('token', token));
    } catch (err) {
      say('Demo mode is off on this server, so there is no demo learner. An LMS embeds these components with a token from POST /api/embed/tokens (see docs/embedding.md).');
    }
  }
  // an expired token: fetch a fresh one and the learner presses Retry
  document.addEventListener('sb-auth-expired', () => hand());
  document.addEventListener('sb-session-ended', (e) => {
    const good = e.detail.scorecard.skills.filter((s) => s.level === 'good').length;
    say('Lesson activity complete: ' + good + ' of ' + e.detail.scorecard.skills.length + ' skills at Good. Your progress below is updated.');
    document.querySelector('sb-progress')?.load();
    document.querySelector('sb-drills')?.load();
  });
  hand();
`;

/** The whole HTML page; `nonce` must be fresh per response and match the CSP header. */
export function renderDemoPage(opts: {
  view: DemoView;
  nonce: string;
  bundlePath?: string;
}): string {
  const bundle = opts.bundlePath ?? '/embed/sounding-board.js';
  const learner = opts.view === 'learner';
  const title = learner
    ? 'Lesson 3: Listening without judgement'
    : 'Facilitator: Learning Partnerships cohort';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} · Northwind Academy</title>
<style nonce="${opts.nonce}">${STYLE}</style>
<script type="module" src="${bundle}"></script>
</head>
<body>
<a class="skip" href="#content">${learner ? 'Skip to the lesson' : 'Skip to the cohort'}</a>
<header class="top">
  <span class="brand">Northwind Academy</span>
  <nav aria-label="Views">
    <a href="/"${learner ? ' aria-current="page"' : ''}>Learner view</a>
    <a href="/facilitator"${learner ? '' : ' aria-current="page"'}>Facilitator view</a>
  </nav>
</header>
<div class="layout${learner ? '' : ' single'}">
${learner ? COURSE_NAV : ''}
  <main id="content">
    <div class="crumbs">${learner ? 'Course › Learning Partnerships › Lesson 3' : 'Facilitator › Learning Partnerships'}</div>
    <h1>${title}</h1>
${learner ? '    <p class="lesson-meta"><span>Lesson 3 of 6</span><span>About 15 minutes</span><span>Practice with an AI learning partner</span></p>' : ''}
    <div id="notice" class="notice" role="status" hidden></div>
${learner ? LEARNER_BODY : FACILITATOR_BODY}
  </main>
</div>
<script type="module" nonce="${opts.nonce}">${SCRIPT(opts.view)}</script>
</body>
</html>`;
}

/** The course's lessons: on the learner's page only (a facilitator's cohort view is not a lesson). */
const COURSE_NAV = `  <aside class="course">
    <h2>Learning Partnerships</h2>
    <nav aria-label="Course">
      <ol>
        <li><a href="#" class="done">1. What a Learning Partnership is <span class="sr-only">(completed)</span></a></li>
        <li><a href="#" class="done">2. Agreeing outcomes, goals and roles <span class="sr-only">(completed)</span></a></li>
        <li><a href="/" aria-current="page">3. Listening without judgement</a></li>
        <li><a href="#">4. Incisive questions</a></li>
        <li><a href="#">5. From options to action</a></li>
        <li><a href="#partnership-h">6. Your Learning Partnership</a></li>
      </ol>
    </nav>
  </aside>
`;

const LEARNER_BODY = `
    <section class="panel" aria-labelledby="intro">
      <h2 id="intro">Why this matters</h2>
      <p>Learning Partners take turns to coach each other. The coach's job is not to solve the problem: it is to listen
      without judgement, reflect back what they hear, ask open questions one at a time, and let their partner decide
      what to do. Advice offered too early, however well meant, usually closes the conversation down.</p>
      <p>In this activity you coach a colleague who has something on their mind. They open up when they feel heard,
      and they close down after unasked advice. After each of your turns you get feedback; at the end, a scorecard.</p>
      <ul class="objectives">
        <li>Reflect back before you ask the next question.</li>
        <li>Ask open questions, one at a time.</li>
        <li>Offer an idea only after asking permission.</li>
      </ul>
    </section>
    <section class="panel" aria-labelledby="practise">
      <h2 id="practise">Practise</h2>
      <sb-practice data-sb-token api-base=""></sb-practice>
    </section>
    <section class="panel" aria-label="Assigned drills">
      <sb-drills data-sb-token api-base=""></sb-drills>
    </section>
    <section class="panel" aria-label="Progress">
      <sb-progress data-sb-token api-base=""></sb-progress>
    </section>
    <section class="panel" aria-labelledby="partnership-h">
      <h2 id="partnership-h">Your Learning Partnership</h2>
      <p>When you are ready, your facilitator pairs you with a colleague from another part of the organisation. You
      begin by agreeing outcomes, goals, roles and responsibilities, then take turns to coach each other.</p>
      <sb-partnership data-sb-token api-base=""></sb-partnership>
    </section>
    <section class="panel" aria-labelledby="embed-h">
      <h2 id="embed-h">For course authors: embed this in your LMS</h2>
      <p>Paste this into any page (an HTML block in Moodle, Canvas or Blackboard), with a token your LMS integration
      mints for the learner through <code>POST /api/embed/tokens</code>:</p>
      <pre><code>&lt;script type="module" src="https://YOUR-SOUNDING-BOARD/embed/sounding-board.js"&gt;&lt;/script&gt;
&lt;sb-practice api-base="https://YOUR-SOUNDING-BOARD" token="LEARNER-TOKEN"&gt;&lt;/sb-practice&gt;</code></pre>
    </section>`;

const FACILITATOR_BODY = `
    <section class="panel" aria-labelledby="fac-intro">
      <h2 id="fac-intro">Your cohort</h2>
      <p>See each learner's level per skill, who is ready to partner, how assigned drills are going, and assign the next drill.</p>
    </section>
    <section class="panel" aria-label="Cohort overview">
      <sb-facilitator data-sb-token api-base=""></sb-facilitator>
    </section>
    <section class="panel" aria-label="Learning Partnership pairing">
      <sb-pairing data-sb-token api-base=""></sb-pairing>
    </section>
    <section class="panel" aria-label="Learning Partnership returns">
      <sb-programme-report data-sb-token api-base=""></sb-programme-report>
    </section>`;
