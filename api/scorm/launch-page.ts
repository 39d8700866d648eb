/**
 * @module scorm/launch-page
 * The SCO's `index.html`: loads the component bundle from the Sounding Board server, shows
 * `<sb-practice>` on the drill, and hands reporting to `scorm-bridge.js`. The page is served by the
 * LMS, so everything it needs from Sounding Board is an absolute URL; its configuration travels in
 * a JSON block the bridge reads.
 */
import type { ScormVersion } from './manifest.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export interface ScormPageConfig {
  version: ScormVersion;
  apiBase: string;
  drillId: string;
  title: string;
  /** exchanged at `POST /api/scorm/launch` for a learner token */
  packageToken: string;
}

export function scormLaunchPage(cfg: ScormPageConfig): string {
  // JSON inside <script type="application/json">: only "<" needs escaping to keep it inert
  const json = JSON.stringify({
    version: cfg.version,
    apiBase: cfg.apiBase,
    drillId: cfg.drillId,
    packageToken: cfg.packageToken,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(cfg.title)}</title>
<style>
  body { margin: 0; padding: 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; }
  #sb-status:empty { display: none; }
  #sb-status { border-left: 4px solid #0f4c81; padding: .5rem 1rem; margin-bottom: 1rem; }
</style>
<script type="application/json" id="sb-scorm-config">${json}</script>
<script type="module" src="${esc(cfg.apiBase)}/embed/sounding-board.js"></script>
<script src="scorm-bridge.js" defer></script>
</head>
<body>
<main>
<h1>${esc(cfg.title)}</h1>
<div id="sb-status" role="status"></div>
<sb-practice api-base="${esc(cfg.apiBase)}" drill="${esc(cfg.drillId)}" feedback="live"></sb-practice>
</main>
</body>
</html>
`;
}
