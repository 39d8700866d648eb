/**
 * @module logger
 * The one structured logger: one JSON line per event, redacted by construction. Callers pass a
 * constant message and metadata; this module alone decides what of it may be written:
 * - an error (anywhere in the metadata) becomes its name, error code, constraint, the statement it
 *   failed in (`insert into xapi_lrs`, never the values) and a few stack frames: never its message,
 *   which for a failed query holds every parameter (passwords, private keys, transcripts);
 * - a value under a key on the redaction list (tokens, secrets, passwords, keys, prompts, text) is
 *   replaced, whatever it is;
 * - every string is scrubbed of the secrets the app told the logger about (`protect`), bearer
 *   tokens, JWTs, API keys and PEM blocks, and cut to a short length.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export interface Logger {
  debug(msg: string, meta?: object): void;
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
  /** Values that must never appear in a log line (the signing secret, API and data keys). */
  protect(...secrets: (string | null | undefined)[]): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** The redaction list: metadata keys whose values are never written. */
const REDACTED_KEYS =
  /token|secret|password|passwd|authori[sz]ation|api[_-]?key|cookie|prompt|private|^jwk$|^params$|^text$|transcript|^body$|^(d|p|q|dp|dq|qi)$/i;
/** Longest string written; anything longer is cut (a stray transcript would be cut short anyway). */
const MAX_STRING = 300;
const MAX_FRAMES = 6;

const PATTERNS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g, '[redacted-pem]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]'],
  [/\bsbk_[A-Za-z0-9_-]+/g, '[redacted-api-key]'],
  // a failed query's text as drivers write it: keep the statement, never the parameters
  [/\n?\s*params:[\s\S]*$/g, ' [params redacted]'],
];

/** `insert into xapi_lrs`: the statement a query ran, without values. */
export function statementOf(query: string): string | null {
  const q = query.replace(/"/g, '');
  const write = /\b(insert into|update|delete from)\s+([\w.]+)/i.exec(q);
  if (write) return `${write[1].toLowerCase()} ${write[2]}`;
  const read = /\bselect\b[\s\S]*?\bfrom\s+([\w.]+)/i.exec(q);
  return read ? `select from ${read[1]}` : null;
}

/** What may be logged of an error: never its message. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: typeof err };
  const out: Record<string, unknown> = { name: err.name };
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const x = e as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
      query?: unknown;
      message?: unknown;
      reason?: unknown;
      status?: unknown;
    };
    if (out.code === undefined && (typeof x.code === 'string' || typeof x.code === 'number'))
      out.code = x.code;
    const constraint = x.constraint_name ?? x.constraint;
    if (out.constraint === undefined && typeof constraint === 'string') out.constraint = constraint;
    if (out.reason === undefined && typeof x.reason === 'string' && x.reason.length < 60)
      out.reason = x.reason;
    if (out.status === undefined && typeof x.status === 'number') out.status = x.status;
    const query =
      typeof x.query === 'string'
        ? x.query
        : typeof x.message === 'string' && x.message.startsWith('Failed query:')
          ? x.message.slice(13)
          : null;
    if (out.statement === undefined && query) out.statement = statementOf(query) ?? 'query';
  }
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => l.trim());
  if (frames.length) out.frames = frames;
  return out;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => console.log(l),
  opts: { secrets?: string[] } = {},
): Logger {
  const known = new Set<string>();
  const protect = (...secrets: (string | null | undefined)[]) => {
    // short values would redact ordinary words; every secret this app holds is long
    for (const s of secrets) if (s && s.length >= 8) known.add(s);
  };
  protect(...(opts.secrets ?? []));

  const scrub = (s: string): string => {
    let out = s;
    for (const secret of known)
      if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…[cut]` : out;
  };

  const clean = (value: unknown, depth: number): unknown => {
    if (value instanceof Error) return clean(describeError(value), depth);
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object')
      return typeof value === 'bigint' ? String(value) : value;
    if (value instanceof Date) return value.toISOString();
    if (depth > 4) return '[deep]';
    if (Array.isArray(value)) return value.slice(0, 20).map((v) => clean(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = REDACTED_KEYS.test(k) ? '[redacted]' : clean(v, depth + 1);
    return out;
  };

  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, meta?: object) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const fields = meta ? (clean(meta, 0) as Record<string, unknown>) : {};
    write(
      JSON.stringify({ level: lvl, time: new Date().toISOString(), msg: scrub(msg), ...fields }),
    );
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), protect };
}
