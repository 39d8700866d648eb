/**
 * @module net/pinned-tls.test
 * The pinned connection over TLS, against a real local HTTPS server: the socket goes to the
 * checked address while the handshake stays on the name. The server sees the name in SNI; a
 * certificate for the name, from an authority the client trusts, is accepted; a certificate for
 * another name, or one nobody vouches for, is refused before any request is sent. Pinning by
 * address must never turn the certificate check into a check of the address (or off).
 * Certificates are made for the test with the machine's `openssl`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from './guarded-fetch.js';

const dir = mkdtempSync(join(tmpdir(), 'sb-pinned-tls-'));

/** A certificate authority, and a server certificate it signs for `name`. */
function certificates(name: string): { ca: string; key: string; cert: string } {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]}: ${r.stderr}`);
  };
  const f = (x: string) => join(dir, `${name}-${x}`);
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=Test CA ${name}`,
    '-keyout', f('ca.key'), '-out', f('ca.pem')]); // prettier-ignore
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`,
    '-keyout', f('key.pem'), '-out', f('csr.pem')]); // prettier-ignore
  writeFileSync(f('ext.cnf'), `subjectAltName=DNS:${name}\n`);
  run(['x509', '-req', '-in', f('csr.pem'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'),
    '-CAcreateserial', '-days', '2', '-extfile', f('ext.cnf'), '-out', f('cert.pem')]); // prettier-ignore
  const read = (x: string) => readFileSync(f(x), 'utf8');
  return { ca: read('ca.pem'), key: read('key.pem'), cert: read('cert.pem') };
}

interface Served {
  port: number;
  sni: string[];
  requests: number;
  ca: string;
  server: Server;
}

async function serveFor(name: string): Promise<Served> {
  const { ca, key, cert } = certificates(name);
  const served: Served = { port: 0, sni: [], requests: 0, ca, server: undefined as never };
  served.server = createServer(
    {
      key,
      cert,
      SNICallback: (servername, cb) => {
        served.sni.push(servername);
        cb(null, tls.createSecureContext({ key, cert }));
      },
    },
    (_req, res) => {
      served.requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    },
  );
  await new Promise<void>((r) => served.server.listen(0, '127.0.0.1', () => r()));
  served.port = (served.server.address() as AddressInfo).port;
  return served;
}

/** A guarded fetch that allows lrs.test and resolves every name to the local server. */
const pinnedToLocal = () => guardedFetch(['lrs.test'], { resolve: async () => ['127.0.0.1'] });

const savedDefaults = tls.getCACertificates?.('default');
let forName: Served;
let forOther: Served;
beforeAll(async () => {
  forName = await serveFor('lrs.test');
  forOther = await serveFor('other.test');
});
afterAll(async () => {
  if (savedDefaults) tls.setDefaultCACertificates(savedDefaults);
  for (const s of [forName, forOther]) await new Promise((r) => s?.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** The error code under fetch's TypeError (Node puts the TLS failure in `cause`). */
async function failure(p: Promise<Response>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: Error & { cause?: { code?: string }; code?: string }) => e,
  );
  expect(err, 'the request must fail').not.toBeNull();
  return err!.cause?.code ?? err!.code ?? err!.message;
}

describe('a pinned connection over TLS', () => {
  it('refuses a certificate nobody vouches for, before any request, with SNI on the name', async () => {
    const code = await failure(pinnedToLocal()(`https://lrs.test:${forName.port}/ok`));
    expect(code).toMatch(/CERT|SELF_SIGNED|UNABLE_TO/);
    expect(forName.requests).toBe(0);
    expect(forName.sni).toContain('lrs.test');
  });

  it.skipIf(typeof tls.setDefaultCACertificates !== 'function')(
    'accepts a certificate for the name from a trusted authority, and refuses one for another name',
    async () => {
      tls.setDefaultCACertificates([...(savedDefaults ?? []), forName.ca, forOther.ca]);
      const ok = await pinnedToLocal()(`https://lrs.test:${forName.port}/ok`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true });
      expect(forName.requests).toBe(1);

      // the same address, a valid certificate from a trusted authority, but for another name
      const code = await failure(pinnedToLocal()(`https://lrs.test:${forOther.port}/ok`));
      expect(code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(forOther.requests).toBe(0);
    },
  );
});
