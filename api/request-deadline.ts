/**
 * @module request-deadline
 * No API request hangs: one that has not answered within `config.requestTimeoutMs` is answered
 * 503 with Retry-After (a database that accepts connections and then says nothing, a pool
 * waiting on connections that keep dropping). The work itself runs on and settles on its own; a
 * coach turn it stored is found again by its clientTurnId when the client retries.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';
import { Problem } from './problems/index.js';

export const requestDeadline = createMiddleware<AppEnv>(async (c, next) => {
  const ms = c.var.deps.config.requestTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const work = next().then(() => 'done' as const);
  try {
    if ((await Promise.race([work, late])) === 'late') {
      work.catch(() => {}); // it answers nobody now; its own errors were handled by onError
      throw Problem.unavailable(
        'The request took too long; the service may be unable to reach its database. Please try again shortly.',
      );
    }
  } finally {
    clearTimeout(timer);
  }
});
