/**
 * @module db/json-rows
 * Whole rows passed to PostgreSQL as one JSON parameter and spread back into columns
 * (`json_populate_record(set)`), which is how a session start, a coach turn and an ending each
 * store several rows in one prepared statement (store/sessions, store/turns, store/ending).
 *
 * Every JSON parameter goes through `jsonParam`, so the one rule for JSON on the way in lives here:
 * a lone UTF-16 surrogate (half an emoji a client cut off) becomes a `\ud83d` escape that
 * PostgreSQL's json parser refuses, failing the whole statement; as a plain text parameter it was
 * stored as U+FFFD, so it becomes U+FFFD here too.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every lone surrogate replaced by U+FFFD, as UTF-8 encoding would. */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

const wellFormedStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? wellFormed(value) : value;

/**
 * A value as a JSON parameter PostgreSQL will always parse. JSON.stringify writes a lone surrogate
 * as a `\udXXX` escape, so only a text with such an escape (or a backslash before "ud") is
 * written again with every string made well-formed: a replacer on every value of every turn
 * cost more than the plain stringify.
 */
export const jsonParam = (value: unknown): string => {
  const json = JSON.stringify(value);
  return json !== undefined && json.includes('\\ud')
    ? JSON.stringify(value, wellFormedStrings)
    : json;
};

/** Each table's columns as [property, column] pairs, listed once. */
const columnLists = new WeakMap<PgTable, [string, { name: string }][]>();
function columnsOf(table: PgTable): [string, { name: string }][] {
  let columns = columnLists.get(table);
  if (!columns) columnLists.set(table, (columns = Object.entries(getTableColumns(table))));
  return columns;
}

/** Rows of `table` (as Drizzle types them) as a JSON parameter keyed by column name. */
export function rowsParam<T extends PgTable>(
  table: T,
  rows: readonly Partial<T['$inferSelect']>[],
): string {
  const columns = columnsOf(table);
  return jsonParam(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key]]),
      ),
    ),
  );
}

/** One row of `table` as a JSON parameter keyed by column name (for `json_populate_record`). */
export function rowParam<T extends PgTable>(table: T, row: Partial<T['$inferSelect']>): string {
  const json = rowsParam(table, [row]);
  return json.slice(1, -1);
}

/**
 * The select list that spreads a JSON row aliased `alias` back into every column of `table`, in
 * table order, with `fromElsewhere` naming the columns (by column name) that come from another
 * source instead, such as the id of a row the same statement just claimed.
 */
export function spreadColumns(
  table: PgTable,
  alias: string,
  fromElsewhere: Record<string, SQL> = {},
): SQL {
  return sql.join(
    Object.values(getTableColumns(table)).map(
      (column) =>
        fromElsewhere[column.name] ?? sql`${sql.identifier(alias)}.${sql.identifier(column.name)}`,
    ),
    sql`, `,
  );
}
