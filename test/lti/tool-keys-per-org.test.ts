/**
 * @module test/lti/tool-keys-per-org
 * The tool's signing keys belong to an organisation: each signs its deep-linking responses and
 * AGS assertions with its own key, and an admin's rotation replaces only their organisation's key.
 * Every organisation's active and previous public keys are published at the one JWKS URL LMSs know.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activeSigningKey } from '../../api/lti/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

it("an admin's rotation replaces their organisation's key and leaves another organisation's signing and published", async () => {
  const { db } = t.runtime.deps;
  const demo = t.runtime.demo!;
  const northwind = (await activeSigningKey(db, demo.admin.orgId)).kid;
  const contoso = (await activeSigningKey(db, demo.otherOrgLearner.orgId)).kid;
  expect(northwind).not.toBe(contoso);

  const rotated = await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
  expect(rotated.status).toBe(200);
  expect(rotated.body.kid).not.toBe(northwind);
  expect(rotated.body.published).toEqual([rotated.body.kid, northwind]);

  expect((await activeSigningKey(db, demo.otherOrgLearner.orgId)).kid).toBe(contoso);
  expect((await activeSigningKey(db, demo.admin.orgId)).kid).toBe(rotated.body.kid);
  const jwks = (await t.call('GET', '/lti/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
  expect(jwks).toEqual(expect.arrayContaining([rotated.body.kid, northwind, contoso]));

  // rotating twice more retires Northwind's first key; Contoso's stays published throughout
  await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
  await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
  const after = (await t.call('GET', '/lti/jwks.json')).body.keys.map(
    (k: { kid: string }) => k.kid,
  );
  expect(after).toContain(contoso);
  expect(after).not.toContain(northwind);
  expect((await activeSigningKey(db, demo.otherOrgLearner.orgId)).kid).toBe(contoso);
});
