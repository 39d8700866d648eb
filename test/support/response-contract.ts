/**
 * @module test/support/response-contract
 * The route contracts checked at run time: every answer the test app gives under `/api` is held
 * against the response its route declares in the OpenAPI registry (the same zod schemas the
 * document is made from) for the status it answered with, and strictly: a key its schema does
 * not declare is a mismatch too (zod would drop it quietly). TypeScript checks a handler's
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
    // a route outside `/api` (a page, the LTI endpoints) names its own server
    const base = (d.route.servers?.[0]?.url ?? '/api').replace(/\/$/, '');
    const path = `${base}${d.route.path}`.replace(/(.)\/$/, '$1');
    const segments = path.split('/');
    return [
      {
        method: d.route.method.toUpperCase(),
        segments,
        params: segments.filter((s) => s.startsWith('{')).length,
        responses: d.route.responses as Record<string, DeclaredResponse>,
        label: `${d.route.method.toUpperCase()} ${path}`,
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
  if (!result.success) {
    const said = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    return `${where}, a body that does not fit its schema: ${said}`;
  }
  const extra = undeclaredKeys(schema, body, '');
  if (extra.length === 0) return undefined;
  return `${where} with keys its schema does not declare: ${extra.slice(0, 5).join(', ')}`;
}

/** The parts of a zod schema the key walk reads (zod 4's `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  innerType?: ZodType;
  in?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  valueType?: ZodType;
  items?: ZodType[];
  getter?: () => ZodType;
}
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The keys of `value` that `schema` does not declare, as dotted paths. A zod object drops an
 * undeclared key when it parses, so a handler that leaks a column would pass the check above;
 * this walk says where. An object with a catch-all (a loose one) declares every key.
 */
function undeclaredKeys(schema: ZodType, value: unknown, path: string): string[] {
  const def = defOf(schema);
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  switch (def.type) {
    case 'object': {
      if (!isRecord(value)) return [];
      const shape = def.shape ?? {};
      const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      return Object.entries(value).flatMap(([k, v]) =>
        k in shape
          ? undeclaredKeys(shape[k]!, v, at(k))
          : open
            ? undeclaredKeys(def.catchall!, v, at(k))
            : [at(k)],
      );
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => undeclaredKeys(def.element!, v, at(i)))
        : [];
    case 'tuple':
      return Array.isArray(value)
        ? value.flatMap((v, i) => (def.items?.[i] ? undeclaredKeys(def.items[i], v, at(i)) : []))
        : [];
    case 'record':
      return isRecord(value)
        ? Object.entries(value).flatMap(([k, v]) => undeclaredKeys(def.valueType!, v, at(k)))
        : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return value === null || value === undefined
        ? []
        : undeclaredKeys(def.innerType!, value, path);
    case 'pipe':
      return undeclaredKeys(def.in!, value, path);
    case 'lazy':
      return undeclaredKeys(def.getter!(), value, path);
    case 'union': {
      // the option the value fits with the fewest undeclared keys
      const fits = def.options!.filter((o) => o.safeParse(value).success);
      const each = fits.map((o) => undeclaredKeys(o, value, path));
      return each.length === 0 ? [] : each.reduce((a, b) => (b.length < a.length ? b : a));
    }
    case 'intersection': {
      const left = new Set(undeclaredKeys(def.left!, value, path));
      return undeclaredKeys(def.right!, value, path).filter((k) => left.has(k));
    }
    default:
      return [];
  }
}
