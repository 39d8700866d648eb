/**
 * @module test/support/response-contract
 * The route contracts checked at run time: every answer the test app gives under `/api` is held
 * against the response its route declares in the OpenAPI registry (the same zod schemas the
 * document is made from) for the status it answered with. TypeScript checks a handler's
 * `c.json(body, status)` at compile time only; this catches what slips past it (a cast, a
 * middleware answer, a jsonb read, a status no route declares).
 */
import type { ZodType } from 'zod';
import { createApiRouter } from '../../api/routes/api-router.js';

interface DeclaredResponse {
  content?: Record<string, { schema?: unknown }>;
}
interface DeclaredRoute {
  method: string;
  /** `/api/sessions/{id}/turns`, split into segments */
  segments: string[];
  params: number;
  responses: Record<string, DeclaredResponse>;
  label: string;
}

let declared: DeclaredRoute[] | undefined;

function routes(): DeclaredRoute[] {
  declared ??= createApiRouter().openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const segments = `/api${d.route.path}`.split('/');
    return [
      {
        method: d.route.method.toUpperCase(),
        segments,
        params: segments.filter((s) => s.startsWith('{')).length,
        responses: d.route.responses as Record<string, DeclaredResponse>,
        label: `${d.route.method.toUpperCase()} /api${d.route.path}`,
      },
    ];
  });
  return declared;
}

/** The route a request reaches: the one with the fewest `{param}` segments, as in the router. */
function routeOf(method: string, path: string): DeclaredRoute | undefined {
  const segments = path.split('?')[0]!.split('/');
  return routes()
    .filter(
      (r) =>
        r.method === method &&
        r.segments.length === segments.length &&
        r.segments.every((s, i) =>
          s.startsWith('{') ? segments[i] !== '' : s === decodeURIComponent(segments[i]!),
        ),
    )
    .sort((a, b) => a.params - b.params)[0];
}

const isZod = (s: unknown): s is ZodType =>
  typeof s === 'object' && s !== null && 'safeParse' in s && typeof s.safeParse === 'function';

/**
 * What is wrong with an answer, held against its route's declared response; `undefined` when it
 * fits or no route in the document describes the path.
 */
export function responseMismatch(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): string | undefined {
  const route = routeOf(method.toUpperCase(), path);
  if (!route) return undefined;
  const where = `${route.label} answered ${status}`;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const response = route.responses[String(status)];
  if (!response)
    return `${where}, a status the route does not declare (it declares ${Object.keys(route.responses).join(', ')})`;
  if (!response.content) {
    return body === null || body === ''
      ? undefined
      : `${where} with a body; the route declares none`;
  }
  const media = response.content[mediaType];
  if (!media)
    return `${where} as ${mediaType || 'no content type'}; the route declares ${Object.keys(response.content).join(', ')}`;
  if (!mediaType.endsWith('json') || !isZod(media.schema)) return undefined;
  return issues(where, media.schema, body);
}

function issues(where: string, schema: ZodType, body: unknown): string | undefined {
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  const said = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  return `${where}, a body that does not fit its schema: ${said}`;
}
