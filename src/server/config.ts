import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SESSION_TTL_MS } from './accounts/service';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments/service';
import { DEFAULT_CUSTOMER_RATE_LIMITS, type CustomerRateLimits } from './customerChat/limits';
import type { RateLimit } from './http/rateLimit';

/** What the command line and SEATDESK_* environment variables configure. */
export interface ServerConfig {
  dataDir: string;
  host: string;
  port: number;
  demo: boolean;
  logLevel: string;
  sessionTtlMs: number;
  maxAttachmentBytes: number;
  customerRateLimits: CustomerRateLimits;
}

/*
 * Each customer rate limit has a flag and a variable named after its key (sessionsPerIp:
 * --customer-sessions-per-ip, SEATDESK_CUSTOMER_SESSIONS_PER_IP), written `<count>/<window>`.
 */
const CUSTOMER_LIMIT_KEYS = Object.keys(DEFAULT_CUSTOMER_RATE_LIMITS) as (keyof CustomerRateLimits)[];
const limitFlag = (key: keyof CustomerRateLimits) => `customer-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const limitVariable = (key: keyof CustomerRateLimits) => `SEATDESK_${limitFlag(key).toUpperCase().replaceAll('-', '_')}`;
const LIMIT_WHAT: Record<keyof CustomerRateLimits, string> = {
  sessionsPerIp: 'sessions opened from one address',
  messagesPerIp: 'messages from one address',
  messagesPerSession: 'messages from one customer',
  framesPerSession: 'typing/read frames of one customer',
};

const WINDOW_UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;
const LIMIT_PATTERN = /^(\d+)\/(\d+)(ms|s|m)$/;

/** `200/1s`, `300/1m`, `20/2000ms`: at most count requests per window, in bursts of up to count. */
const RateLimitTextSchema = z
  .string()
  .regex(LIMIT_PATTERN, 'expected <count>/<window> such as 200/1s, 300/1m or 20/2000ms')
  .transform((text) => {
    const [, count, window, unit] = LIMIT_PATTERN.exec(text)!;
    return { limit: Number(count), windowMs: Number(window) * WINDOW_UNIT_MS[unit as keyof typeof WINDOW_UNIT_MS] };
  })
  .pipe(z.object({ limit: z.number().int().min(1, 'count must be at least 1'), windowMs: z.number().int().min(1, 'window must be longer than 0') }));

/** The shortest way to write a limit in that form (the usage text's defaults). */
function limitText({ limit, windowMs }: RateLimit): string {
  if (windowMs % 60_000 === 0) return `${limit}/${windowMs / 60_000}m`;
  if (windowMs % 1_000 === 0) return `${limit}/${windowMs / 1_000}s`;
  return `${limit}/${windowMs}ms`;
}

const LIMIT_USAGE = CUSTOMER_LIMIT_KEYS.map(
  (key) => `  --${`${limitFlag(key)} <n>/<t>`.padEnd(40)}${LIMIT_WHAT[key].padEnd(36)}(default ${limitText(DEFAULT_CUSTOMER_RATE_LIMITS[key])})`,
).join('\n');

export const CLI_USAGE = `Usage: seatdesk-server [options]

  --data-dir <dir>        where server.db lives      (SEATDESK_DATA_DIR, default ./.seatdesk-data/server)
  --host <address>        interface to listen on     (SEATDESK_HOST, default 127.0.0.1)
  --port <n>              TCP port, 0 = any free one (SEATDESK_PORT, default 4700)
  --demo                  create demo accounts on an empty database (SEATDESK_DEMO=1)
  --log-level <level>     pino level                 (SEATDESK_LOG_LEVEL, default info)
  --session-ttl-hours <h> sign-in lifetime           (SEATDESK_SESSION_TTL_HOURS, default 12)
  --max-attachment-mb <n> largest upload             (SEATDESK_MAX_ATTACHMENT_MB, default 10)
  -h, --help              show this text

  Anonymous customers' rate limits, <count>/<window> with the window in ms, s or m (each also a
  variable: SEATDESK_CUSTOMER_SESSIONS_PER_IP …). Behind a reverse proxy every customer has the
  proxy's address: raise the per-address limits there.
${LIMIT_USAGE}

       seatdesk-server kb import <file-or-folder> [--team <id>]...   import KB articles (kb --help)`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type ParsedCommand = { kind: 'run'; config: ServerConfig } | { kind: 'help' };

/** Flags win over environment variables, which win over defaults. Throws a readable Error on bad input. */
export function parseServerCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean' },
      'log-level': { type: 'string' },
      'session-ttl-hours': { type: 'string' },
      'max-attachment-mb': { type: 'string' },
      ...Object.fromEntries(CUSTOMER_LIMIT_KEYS.map((key) => [limitFlag(key), { type: 'string' } as const])),
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };

  const port = Number(values.port ?? env.SEATDESK_PORT ?? 4700);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.SEATDESK_PORT}`);

  const logLevel = values['log-level'] ?? env.SEATDESK_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`invalid log level: ${logLevel} (one of ${LOG_LEVELS.join(', ')})`);

  const ttlText = values['session-ttl-hours'] ?? env.SEATDESK_SESSION_TTL_HOURS;
  const ttlHours = ttlText === undefined ? DEFAULT_SESSION_TTL_MS / 3_600_000 : Number(ttlText);
  if (!Number.isFinite(ttlHours) || ttlHours <= 0) throw new Error(`invalid session TTL hours: ${ttlText}`);

  const uploadText = values['max-attachment-mb'] ?? env.SEATDESK_MAX_ATTACHMENT_MB;
  const uploadMb = uploadText === undefined ? DEFAULT_MAX_ATTACHMENT_BYTES / 1024 / 1024 : Number(uploadText);
  if (!Number.isFinite(uploadMb) || uploadMb <= 0) throw new Error(`invalid max attachment size: ${uploadText}`);

  return {
    kind: 'run',
    config: {
      dataDir: dataDirOf(values['data-dir'], env),
      host: values.host ?? env.SEATDESK_HOST ?? '127.0.0.1',
      port,
      demo: values.demo ?? isTrue(env.SEATDESK_DEMO),
      logLevel,
      sessionTtlMs: Math.round(ttlHours * 3_600_000),
      maxAttachmentBytes: Math.round(uploadMb * 1024 * 1024),
      customerRateLimits: customerRateLimitsOf(values, env),
    },
  };
}

/** Each limit from its flag, else its variable, else the default; a bad one names its flag. */
function customerRateLimitsOf(values: Record<string, unknown>, env: NodeJS.ProcessEnv): CustomerRateLimits {
  const limits = { ...DEFAULT_CUSTOMER_RATE_LIMITS };
  for (const key of CUSTOMER_LIMIT_KEYS) {
    const text = values[limitFlag(key)] ?? env[limitVariable(key)];
    if (text === undefined) continue;
    const parsed = RateLimitTextSchema.safeParse(text);
    if (!parsed.success) throw new Error(`invalid --${limitFlag(key)}: ${String(text)} (${parsed.error.issues.map((i) => i.message).join('; ')})`);
    limits[key] = parsed.data;
  }
  return limits;
}

/** The server's data folder: the flag, else SEATDESK_DATA_DIR, else the default (shared with `kb import`). */
export function dataDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.SEATDESK_DATA_DIR ?? './.seatdesk-data/server';
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}
