/**
 * @module bench/support/hello-world
 * The baseline beside the server in bench/http.bench.ts: Hono's hello world on @hono/node-server,
 * the same HTTP stack as the product with nothing behind it. `node bench/support/hello-world.mjs PORT`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });
