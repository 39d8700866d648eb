/**
 * @module test/support/statements
 * The statements a piece of work sends to the database, as drizzle's logger sees them: what the
 * cost tests plan (EXPLAIN) to show that a turn or an end costs the same whatever the history.
 */
import type { TestApp } from './app.js';

/** The SQL text and parameters of every statement `work` runs (drizzle's logger hook). */
export async function statementsOf(
  t: TestApp,
  work: () => Promise<unknown>,
): Promise<[string, unknown[]][]> {
  const logger = (
    t.runtime.deps.db as unknown as {
      session: { logger: { logQuery: (q: string, p: unknown[]) => void } };
    }
  ).session.logger;
  const logQuery = logger.logQuery;
  const seen: [string, unknown[]][] = [];
  logger.logQuery = (query, params) => void seen.push([query, params]);
  try {
    await work();
  } finally {
    logger.logQuery = logQuery;
  }
  return seen;
}
