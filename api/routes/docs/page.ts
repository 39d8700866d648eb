/**
 * @module routes/docs/page
 * A self-contained, readable API reference rendered in the browser from /api/openapi.json
 * (no CDN, so it works offline and inside locked-down networks). The page, its script and its
 * styles are three responses from the app itself, so the strict API policy holds: `script-src
 * 'self'` and `style-src 'self'`, nothing inline (see `docsPolicy`).
 */

/** The page: it loads its script and styles from /api/docs/docs.js and /api/docs/docs.css. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sounding Board API</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script type="module" src="/api/docs/docs.js"></script>
</head><body><main>
<h1>Sounding Board API</h1><p class="lead">Generated from <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>; errors are <code>application/problem+json</code>.</p>
<div id="ops" aria-live="polite"><p>Loading the reference…</p><noscript>This page needs JavaScript; the raw document is at /api/openapi.json.</noscript></div>
</main></body></html>`;

export const DOCS_STYLE = `:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--accent:#0b6e4f}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--card:#161b22;--line:#30363d;--accent:#3fb68b}}
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:var(--fg);background:var(--bg)}
main{max-width:980px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}p.lead{color:var(--muted);margin-top:0}
details{border:1px solid var(--line);border-radius:8px;margin:10px 0;background:var(--card)}
summary{cursor:pointer;padding:10px 12px;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
summary:focus-visible{outline:3px solid var(--accent)}
.m{font:600 12px ui-monospace,monospace;padding:2px 8px;border-radius:4px;color:#fff;background:#555;text-transform:uppercase}
.get{background:#0969da}.post{background:#1a7f37}.put,.patch{background:#9a6700}.delete{background:#cf222e}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{overflow:auto;background:var(--bg);border:1px solid var(--line);padding:10px;border-radius:6px}
.body{padding:0 12px 12px}h3{font-size:14px;margin:14px 0 6px}.tag{color:var(--muted);font-size:13px}
.error{border:1px solid #cf222e;border-radius:8px;padding:10px 12px}
summary code,p{overflow-wrap:anywhere}pre{max-width:100%;white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:40rem){main{padding:12px}}
`;

/** Renders every operation of the OpenAPI document; a failed fetch says so instead of "Loading". */
export const DOCS_SCRIPT = String.raw`const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
let doc;
try {
  const res = await fetch('/api/openapi.json');
  if (!res.ok) throw new Error('HTTP ' + res.status);
  doc = await res.json();
} catch (err) {
  document.getElementById('ops').innerHTML = '<p class="error">The API description could not be loaded (' + String(err.message || err).replace(/[<>&]/g, '') + '). It is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>';
  throw err;
}
const resolve = (s) => (s && s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s);
const show = (s, depth = 0) => {
  s = resolve(s);
  if (!s || depth > 6) return 'any';
  if (s.type === 'object' || s.properties) {
    const req = new Set(s.required || []);
    return '{\n' + Object.entries(s.properties || {}).map(([k, v]) => '  '.repeat(depth + 1) + k + (req.has(k) ? '' : '?') + ': ' + show(v, depth + 1)).join(',\n') + '\n' + '  '.repeat(depth) + '}';
  }
  if (s.type === 'array') return show(s.items, depth) + '[]';
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map((x) => show(x, depth)).join(' | ');
  return s.type || 'any';
};
let html = '';
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const body = op.requestBody?.content?.['application/json']?.schema;
    // the document's server is /api; a page or an LTI endpoint names its own
    const base = (op.servers?.[0]?.url ?? '/api').replace(/\/$/, '');
    const url = (base + path).replace(/(.)\/$/, '$1');
    html += '<details><summary><span class="m ' + method + '">' + method + '</span><code>' + esc(url) + '</code><span>' + esc(op.summary) + '</span><span class="tag">' + esc((op.tags || []).join(', ')) + (op.security ? ' · bearer' : '') + '</span></summary><div class="body">';
    if (op.description) html += '<p>' + esc(op.description) + '</p>';
    if (op.parameters?.length) html += '<h3>Parameters</h3><pre>' + esc(op.parameters.map((p) => p.in + ' ' + p.name + ': ' + show(p.schema)).join('\n')) + '</pre>';
    if (body) html += '<h3>Request body</h3><pre>' + esc(show(body)) + '</pre>';
    html += '<h3>Responses</h3>';
    for (const [code, r] of Object.entries(op.responses || {})) {
      const c = r.content || {}; const first = Object.keys(c)[0];
      html += '<p><b>' + code + '</b> ' + esc(r.description) + (first ? ' <code>' + esc(first) + '</code>' : '') + '</p>';
      if (first && code.startsWith('2')) html += '<pre>' + esc(show(c[first].schema)) + '</pre>';
    }
    html += '</div></details>';
  }
}
document.getElementById('ops').innerHTML = html;
`;

/** The page's policy: the API's strict one, plus its own script, styles and fetch. */
export const DOCS_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};
