/**
 * @module test/browser/support/host-page
 * A stand-in LMS: a tiny HTTP server on its own origin that serves one HTML page, so the tests
 * embed the components across origins exactly as an LMS would (one script tag, a token).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  origin: string;
  /** replaces the page served at `/` */
  setHtml(html: string): void;
  close(): Promise<void>;
}

export async function startHostPage(host = 'localhost'): Promise<HostPage> {
  let html = '<!doctype html><title>empty</title>';
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, host === 'localhost' ? '127.0.0.1' : host, r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    setHtml: (h) => (html = h),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The LMS author's snippet: one script tag and an element with a token. */
export function lmsLessonHtml(opts: { apiOrigin: string; body: string; title?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title ?? 'Course lesson'}</title>
<script type="module" src="${opts.apiOrigin}/embed/sounding-board.js"></script>
<style>body{font-family:Georgia,serif;margin:0;padding:12px;background:#fafafa}</style>
</head><body><main><h1>${opts.title ?? 'Course lesson'}</h1>${opts.body}</main></body></html>`;
}
