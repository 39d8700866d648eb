/**
 * @module db/prepared
 * Named prepared queries for the hot paths (the bearer check, a coach turn), built once per
 * database handle.
 *
 * Why: Drizzle runs an unnamed query through postgres.js with `prepare: false`, and postgres.js
 * then spends a round trip asking the server for the parameter types (Parse/Describe) before it
 * can send the values, on every call: two round trips per statement. A named Drizzle prepared
 * query is prepared once per connection and costs one round trip afterwards; it also skips
 * rebuilding the SQL text. PGlite runs the same query text in process either way.
 *
 * On Node the handle lives as long as the app; on Workers each request has its own handle (and
 * connection), so the memo is keyed by the handle and never outlives it (no module singleton).
 */
import type { Database } from './index.js';

/**
 * Memoises `build(db)` per database handle.
 * @example
 * const personById = preparedPerDatabase((db) => db.select().from(people).where(eq(people.id, sql.placeholder('id'))).prepare('person_by_id'));
 * const [person] = await personById(deps.db).execute({ id });
 */
export function preparedPerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
