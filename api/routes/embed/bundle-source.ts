/**
 * @module routes/embed/bundle-source
 * Where the embed route gets the component bundle from. On Node it is the file `npm run build:web`
 * writes (re-read when it changes, so a rebuild needs no restart); on Workers it is the same file
 * uploaded as a static asset and read through the assets binding. Missing is a normal state (not
 * built yet) that the route reports as a 503.
 */

import { projectPath } from '../../project-path.js';

export interface EmbedBundle {
  body: string;
  /** strong validator: a hash of the content */
  etag: string;
}

/** Anything that can produce the current bundle, or null when there is none. */
export interface BundleSource {
  read(): Promise<EmbedBundle | null>;
}

/** A bundle known up front (tests, or a runtime that imports the file as text). */
export function staticBundleSource(text: string): BundleSource {
  let cached: Promise<EmbedBundle> | null = null;
  return {
    read: () => (cached ??= bundleOf(text)),
  };
}

/** The part of a Workers static-assets binding (`env.ASSETS`) used here. */
export interface AssetFetcher {
  fetch(input: Request | string): Promise<Response>;
}

/**
 * The bundle as a Workers static asset (`[assets]` in wrangler.toml points at web-components/dist).
 * Read once per isolate and served by the embed route, so Workers send the same headers and ETag
 * as Node. Assets belong to a deployed version and never change under it; a miss is not cached,
 * so a bundle that appears later (a first build under `wrangler dev`) is found.
 */
export function assetBundleSource(assets: AssetFetcher, path = '/sounding-board.js'): BundleSource {
  // the value, not a promise: a pending promise tied to one request's I/O must not be awaited by another
  let found: EmbedBundle | null = null;
  return {
    async read() {
      if (found) return found;
      // the host is ignored by the binding; only the path names the asset
      const res = await assets.fetch(new Request(new URL(path, 'https://assets.invalid')));
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      const bundle = await bundleOf(await res.text());
      found ??= bundle;
      return found;
    },
  };
}

/** The bundle file on disk, cached until its modification time changes. */
export function fileBundleSource(path: string): BundleSource {
  let cached: { mtimeMs: number; bundle: EmbedBundle } | null = null;
  return {
    async read() {
      let fs: typeof import('node:fs/promises');
      try {
        fs = await import('node:fs/promises');
      } catch {
        return null; // no file system (Workers): pass a staticBundleSource instead
      }
      const { stat, readFile } = fs;
      let mtimeMs: number;
      try {
        mtimeMs = (await stat(path)).mtimeMs;
      } catch {
        cached = null;
        return null;
      }
      if (cached?.mtimeMs === mtimeMs) return cached.bundle;
      const body = await readFile(path, 'utf8');
      cached = { mtimeMs, bundle: { body, etag: await etagOf(body) } };
      return cached.bundle;
    },
  };
}

/**
 * Where `npm run build:web` writes the bundle (Node only; a function so that merely importing
 * this module on Workers, where there is no project folder, cannot fail).
 */
export function defaultBundlePath(): string {
  return projectPath('web-components/dist/sounding-board.js');
}

function bundleOf(body: string): Promise<EmbedBundle> {
  return etagOf(body).then((etag) => ({ body, etag }));
}

async function etagOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest).slice(0, 12), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `"${hex}"`;
}
