/**
 * @module admin/cli
 * `npm run admin -- <command>`: first-run administration against DATABASE_URL (or the embedded
 * database in DATA_DIR), for a server without demo data.
 *
 *   npm run admin -- create-org --name "Northwind Trading" --slug northwind \
 *     --admin-name "Ana Silva" --admin-email ana@northwind.example [--key-name Moodle]
 *   npm run admin -- create-api-key --slug northwind --key-name Canvas
 *   npm run admin -- admin-token --slug northwind --email ana@northwind.example [--hours 8]
 *
 * Output is JSON on stdout (so scripts can read it); errors go to stderr with exit code 1.
 */
import { eq } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { resolveJwtSecret } from '../auth/secret.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { organisations } from '../db/schema/index.js';
import { createApiKey } from '../routes/embed/api-keys.store.js';
import { AdminError, adminToken, createOrganisation } from './first-run.js';

const USAGE = `Usage:
  npm run admin -- create-org --name NAME --slug SLUG --admin-name NAME --admin-email EMAIL [--key-name NAME]
  npm run admin -- create-api-key --slug SLUG [--key-name NAME]
  npm run admin -- admin-token --slug SLUG --email EMAIL [--hours N]`;

/** Runs one command; returns what to print. Exported for the tests. */
export async function runAdmin(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<unknown> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'key-name': { type: 'string' },
      email: { type: 'string' },
      hours: { type: 'string' },
    },
    strict: true,
  });
  if (!['create-org', 'create-api-key', 'admin-token'].includes(command ?? ''))
    throw new AdminError(USAGE);
  const config = loadConfig(env);
  const database = await openDatabase(config);
  try {
    // a fresh database gets its tables first (idempotent: applied migrations are skipped)
    await database.migrate();
    const db = database.db;
    if (command === 'create-org') {
      const made = await createOrganisation(db, {
        name: values.name ?? '',
        slug: values.slug ?? '',
        adminName: values['admin-name'] ?? '',
        adminEmail: values['admin-email'] ?? '',
        keyName: values['key-name'],
      });
      const secret = await resolveJwtSecret(db, config);
      const token = await adminToken(db, secret, {
        slug: values.slug!,
        email: values['admin-email']!,
      });
      return {
        ...made,
        adminToken: token,
        note: 'Keep the API key: it is shown only now. The admin token lasts 8 hours; get another with admin-token.',
      };
    }
    if (command === 'create-api-key') {
      const [org] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, values.slug ?? ''));
      if (!org) throw new AdminError(`No organisation with the slug "${values.slug ?? ''}".`);
      const key = await createApiKey(db, { orgId: org.id, name: values['key-name'] ?? 'LMS' });
      return { apiKeyId: key.id, apiKey: key.key, note: 'Keep the API key: it is shown only now.' };
    }
    const secret = await resolveJwtSecret(db, config);
    const hours = values.hours ? Number(values.hours) : 8;
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30)
      throw new AdminError('--hours must be a number of hours between 0 and 720.');
    return {
      adminToken: await adminToken(db, secret, {
        slug: values.slug ?? '',
        email: values.email ?? '',
        hours,
      }),
    };
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(JSON.stringify(await runAdmin(process.argv.slice(2), process.env), null, 2));
  } catch (err) {
    const message =
      err instanceof ZodError
        ? err.issues.map((i) => i.message).join('; ')
        : err instanceof AdminError || err instanceof ConfigError
          ? err.message
          : `admin failed: ${(err as Error).message}`;
    console.error(message);
    process.exitCode = 1;
  }
}
