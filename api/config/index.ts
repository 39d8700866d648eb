/**
 * @module config
 * The one place that reads the environment. Everything else receives a parsed `Config`.
 * A bad value stops start-up with a message that names the variable.
 */
import { z } from 'zod';
import type { LlmConfig } from '../llm/index.js';
import { dataKeyBytes } from '../auth/data-key.js';
import { weakSecretReason } from './secret-strength.js';
import { parseRange, type TrustedProxies } from '../net/client-ip.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
// `localhost:11434` parses as a URL with scheme "localhost:"; only http(s) can be called.
const httpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//i, 'must be an http:// or https:// URL');
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

/** Environment variables, as documented in the README's configuration table. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(1, 65535).default(8787),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DEMO: bool.optional(),
  SB_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SB_DATA_KEY: z
    .string()
    .refine(
      (v) => dataKeyBytes(v) !== null,
      'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)',
    )
    .optional(),
  SB_PUBLIC_URL: httpUrl.optional(),
  SB_MAX_TURN_CHARS: int(50, 20_000).default(2000),
  SB_REQUEST_TIMEOUT_MS: int(500, 900_000).optional(),
  SB_RATE_LIMIT_PERSON_PER_MINUTE: int(0, 1_000_000).default(600),
  SB_RATE_LIMIT_IP_PER_MINUTE: int(0, 1_000_000).default(1200),
  // a hop count, or addresses and CIDR ranges (net/client-ip)
  SB_TRUSTED_PROXIES: z
    .string()
    .transform((s): TrustedProxies =>
      /^\s*\d+\s*$/.test(s)
        ? { hops: Number(s) }
        : {
            ranges: s
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          },
    )
    .refine(
      (p) => ('hops' in p ? p.hops <= 20 : p.ranges.every((r) => parseRange(r) !== null)),
      'must be a hop count (0-20) or comma-separated addresses and CIDR ranges, e.g. 10.0.0.0/8,::1',
    )
    .optional(),
  SB_MAX_SESSION_TURNS: int(1, 10_000).default(200),
  SB_SCORM_NEW_LEARNERS_PER_HOUR: int(0, 1_000_000).default(300),
  SB_LTI_MAX_PENDING_LOGINS: int(10, 10_000_000).default(10_000),
  SB_FRAME_ANCESTORS: list.default([]),
  SB_ALLOW_PRIVATE_HOSTS: list.default([]),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: httpUrl.optional(),
  SB_PARTNER_MODEL: z.string().min(1).default('gpt-4o-mini'),
  SB_FEEDBACK_MODEL: z.string().min(1).default('gpt-4o-mini'),
  SB_CODER_MODEL: z.string().min(1).default('gpt-4o-mini'),
  SB_LLM_TIMEOUT_MS: int(100, 600_000).default(30_000),
  SB_LLM_FIRST_TOKEN_TIMEOUT_MS: int(50, 600_000).default(10_000),
  SB_LLM_MAX_RETRIES: int(0, 5).default(2),
  SB_LLM_BREAKER_COOLDOWN_MS: int(100, 600_000).default(30_000),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  /** where to listen: 127.0.0.1 in demo mode (its tokens are public), else every interface */
  host: string;
  /** whether HOST was set (demo mode on an exposed interface then warns at start-up) */
  hostChosen: boolean;
  dataDir: string;
  databaseUrl: string | null;
  /** demo data and /api/demo/tokens; on by default with the embedded database, never in production */
  demo: boolean;
  jwtSecret: string | null;
  /** SB_DATA_KEY: encrypts stored secrets such as LRS passwords (auth/data-key) */
  dataKey: string | null;
  publicUrl: string | null;
  maxTurnChars: number;
  /** requests a minute per signed-in person and per IP address (0: off); 429 with Retry-After beyond */
  rateLimits: { personPerMinute: number; ipPerMinute: number };
  /** proxies whose X-Forwarded-For names the client for the per-IP limit (none: the peer is the client) */
  trustedProxies: TrustedProxies;
  /** most coach turns in one session */
  maxSessionTurns: number;
  /** new people SCORM launches may create per organisation and hour (0: no limit) */
  scormNewLearnersPerHour: number;
  /** most LTI logins waiting for their launch at once (each holds a state row until it expires) */
  ltiMaxPendingLogins: number;
  /** longest an API request may take before it is answered 503 with Retry-After (a database gone silent) */
  requestTimeoutMs: number;
  frameAncestors: string[];
  /** hosts an admin-set endpoint (the LRS) may name although they are loopback or private (net/private-targets) */
  allowPrivateHosts: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** the LLM layer's settings when OPENAI_API_KEY is set, else null (scripted partner) */
  llm: LlmConfig | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a `Config`.
 * @example loadConfig(process.env)
 * @throws ConfigError naming each bad variable
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set": shells and .env files often leave them behind.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SB_JWT_SECRET) {
    throw new ConfigError(['SB_JWT_SECRET: required in production (at least 32 characters)']);
  }
  const weak = production && e.SB_JWT_SECRET ? weakSecretReason(e.SB_JWT_SECRET) : null;
  if (weak) throw new ConfigError([`SB_JWT_SECRET: ${weak}`]);
  if (production && e.DEMO) {
    throw new ConfigError(['DEMO: demo mode cannot be switched on in production']);
  }
  const demo = production ? false : (e.DEMO ?? !e.DATABASE_URL);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    // demo mode hands out admin tokens to anyone who asks: only this machine may ask by default
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    hostChosen: e.HOST !== undefined,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    demo,
    jwtSecret: e.SB_JWT_SECRET ?? null,
    dataKey: e.SB_DATA_KEY ?? null,
    publicUrl: e.SB_PUBLIC_URL ?? null,
    maxTurnChars: e.SB_MAX_TURN_CHARS,
    // with an LLM a turn may take the LLM's whole budget: the request timeout leaves room for it
    rateLimits: {
      personPerMinute: e.SB_RATE_LIMIT_PERSON_PER_MINUTE,
      ipPerMinute: e.SB_RATE_LIMIT_IP_PER_MINUTE,
    },
    trustedProxies: e.SB_TRUSTED_PROXIES ?? { ranges: [] },
    maxSessionTurns: e.SB_MAX_SESSION_TURNS,
    scormNewLearnersPerHour: e.SB_SCORM_NEW_LEARNERS_PER_HOUR,
    ltiMaxPendingLogins: e.SB_LTI_MAX_PENDING_LOGINS,
    requestTimeoutMs:
      e.SB_REQUEST_TIMEOUT_MS ?? (e.OPENAI_API_KEY ? e.SB_LLM_TIMEOUT_MS + 5000 : 10_000),
    frameAncestors: e.SB_FRAME_ANCESTORS,
    allowPrivateHosts: e.SB_ALLOW_PRIVATE_HOSTS,
    logLevel: e.LOG_LEVEL,
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          partnerModel: e.SB_PARTNER_MODEL,
          feedbackModel: e.SB_FEEDBACK_MODEL,
          coderModel: e.SB_CODER_MODEL,
          timeoutMs: e.SB_LLM_TIMEOUT_MS,
          firstTokenTimeoutMs: e.SB_LLM_FIRST_TOKEN_TIMEOUT_MS,
          maxRetries: e.SB_LLM_MAX_RETRIES,
          breakerCooldownMs: e.SB_LLM_BREAKER_COOLDOWN_MS,
        }
      : null,
  };
}

/** Hosts that only this machine can reach. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * What start-up says about where it listens: demo mode on loopback by default, and a warning
 * when HOST exposes demo mode (and its public tokens) to the network.
 */
export function startupNotes(config: Pick<Config, 'demo' | 'host' | 'hostChosen'>): string[] {
  if (!config.demo) return [];
  if (LOOPBACK.test(config.host)) {
    return [
      `Demo mode listens on ${config.host} only (this machine); HOST=0.0.0.0 exposes it to the network.`,
    ];
  }
  return [
    `Warning: demo mode is listening on ${config.host}: anyone who can reach it can fetch admin tokens from /api/demo/tokens. ` +
      'Unset HOST (demo mode then listens on 127.0.0.1) or set DEMO=false.',
  ];
}
