import { parseArgs } from 'node:util';
import { DEFAULT_SESSION_TTL_MS } from './accounts/service';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments/service';

/** What the command line and SEATDESK_* environment variables configure. */
export interface ServerConfig {
  dataDir: string;
  host: string;
  port: number;
  demo: boolean;
  logLevel: string;
  sessionTtlMs: number;
  maxAttachmentBytes: number;
}

export const CLI_USAGE = `Usage: seatdesk-server [options]

  --data-dir <dir>        where server.db lives      (SEATDESK_DATA_DIR, default ./.seatdesk-data/server)
  --host <address>        interface to listen on     (SEATDESK_HOST, default 127.0.0.1)
  --port <n>              TCP port, 0 = any free one (SEATDESK_PORT, default 4700)
  --demo                  create demo accounts on an empty database (SEATDESK_DEMO=1)
  --log-level <level>     pino level                 (SEATDESK_LOG_LEVEL, default info)
  --session-ttl-hours <h> sign-in lifetime           (SEATDESK_SESSION_TTL_HOURS, default 12)
  --max-attachment-mb <n> largest upload             (SEATDESK_MAX_ATTACHMENT_MB, default 10)
  -h, --help              show this text

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
    },
  };
}

/** The server's data folder: the flag, else SEATDESK_DATA_DIR, else the default (shared with `kb import`). */
export function dataDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.SEATDESK_DATA_DIR ?? './.seatdesk-data/server';
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}
