/**
 * @module logger
 * A tiny structured logger. One JSON line per event; tokens, keys and prompts are never logged
 * (callers pass metadata, and keys that look secret are redacted here as a second line of defence).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export interface Logger {
  debug(msg: string, meta?: object): void;
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEY = /(token|secret|password|authorization|api[_-]?key|prompt)/i;

function redact(meta: object | undefined): object | undefined {
  if (!meta) return meta;
  return JSON.parse(JSON.stringify(meta, (k, v) => (k && SECRET_KEY.test(k) ? '[redacted]' : v)));
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => console.log(l)): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, meta?: object) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, ...redact(meta) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
