/**
 * @module db/schema/limits
 * Request counts per key (a person, an IP address) and fixed one-minute window, shared by every
 * instance of the app (Node processes, Workers isolates through Hyperdrive). Old windows are swept.
 */
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const rateWindows = pgTable(
  'rate_windows',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
