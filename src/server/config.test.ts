import { describe, expect, it } from 'vitest';
import { CLI_USAGE, parseServerCommand } from './config';
import { DEFAULT_CUSTOMER_RATE_LIMITS } from './customerChat/limits';

function run(argv: string[], env: Record<string, string> = {}) {
  const command = parseServerCommand(argv, env);
  if (command.kind !== 'run') throw new Error('expected run');
  return command.config;
}

describe('parseServerCommand', () => {
  it('has safe defaults: loopback, port 4700, no demo, 12 h sessions, the customer rate limits of limits.ts', () => {
    expect(run([])).toEqual({
      dataDir: './.seatdesk-data/server',
      host: '127.0.0.1',
      port: 4700,
      demo: false,
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      maxAttachmentBytes: 10 * 1024 * 1024,
      customerRateLimits: DEFAULT_CUSTOMER_RATE_LIMITS,
    });
  });

  it('reads flags, in both --x y and --x=y forms', () => {
    expect(
      run(['--data-dir', '/srv/sd', '--host=0.0.0.0', '--port', '0', '--demo', '--log-level=warn', '--session-ttl-hours', '0.5', '--max-attachment-mb=2.5']),
    ).toEqual({
      dataDir: '/srv/sd',
      host: '0.0.0.0',
      port: 0,
      demo: true,
      logLevel: 'warn',
      sessionTtlMs: 1_800_000,
      maxAttachmentBytes: 2.5 * 1024 * 1024,
      customerRateLimits: DEFAULT_CUSTOMER_RATE_LIMITS,
    });
  });

  it('reads SEATDESK_* variables, and flags override them', () => {
    const env = { SEATDESK_DATA_DIR: '/env', SEATDESK_HOST: '::1', SEATDESK_PORT: '5000', SEATDESK_DEMO: 'true', SEATDESK_LOG_LEVEL: 'debug' };
    expect(run([], env)).toMatchObject({ dataDir: '/env', host: '::1', port: 5000, demo: true, logLevel: 'debug' });
    expect(run(['--port', '6000'], env).port).toBe(6000);
    expect(run([], { SEATDESK_DEMO: '0' }).demo).toBe(false);
    expect(run([], { SEATDESK_MAX_ATTACHMENT_MB: '1' }).maxAttachmentBytes).toBe(1024 * 1024);
  });

  it('rejects bad values and unknown flags with a readable error', () => {
    expect(() => run(['--port', '70000'])).toThrow(/invalid port/);
    expect(() => run(['--port', 'abc'])).toThrow(/invalid port/);
    expect(() => run(['--log-level', 'loud'])).toThrow(/invalid log level/);
    expect(() => run(['--session-ttl-hours', '0'])).toThrow(/TTL/);
    expect(() => run(['--max-attachment-mb', '-1'])).toThrow(/attachment/);
    expect(() => run(['--frobnicate'])).toThrow(/frobnicate/);
  });

  it('reads each customer rate limit from its flag or SEATDESK_CUSTOMER_* variable, with the window in ms, s or m', () => {
    const env = { SEATDESK_CUSTOMER_SESSIONS_PER_IP: '600/1m', SEATDESK_CUSTOMER_MESSAGES_PER_IP: '1/1s', SEATDESK_CUSTOMER_FRAMES_PER_SESSION: '9/500ms' };
    expect(run(['--customer-messages-per-ip', '1000/1s', '--customer-messages-per-session=5/10s'], env).customerRateLimits).toEqual({
      sessionsPerIp: { limit: 600, windowMs: 60_000 },
      messagesPerIp: { limit: 1000, windowMs: 1_000 },
      messagesPerSession: { limit: 5, windowMs: 10_000 },
      framesPerSession: { limit: 9, windowMs: 500 },
    });
    // One set, the others keep their defaults.
    expect(run(['--customer-frames-per-session', '2/1s']).customerRateLimits).toEqual({ ...DEFAULT_CUSTOMER_RATE_LIMITS, framesPerSession: { limit: 2, windowMs: 1_000 } });
  });

  it('rejects a malformed or empty customer rate limit, naming its flag', () => {
    expect(() => run(['--customer-messages-per-ip', '200'])).toThrow(/--customer-messages-per-ip: 200 \(expected <count>\/<window>/);
    expect(() => run(['--customer-sessions-per-ip', '300/1h'])).toThrow(/--customer-sessions-per-ip/);
    expect(() => run(['--customer-messages-per-session', '0/1s'])).toThrow(/--customer-messages-per-session: 0\/1s \(count must be at least 1\)/);
    expect(() => run([], { SEATDESK_CUSTOMER_FRAMES_PER_SESSION: '5/0ms' })).toThrow(/--customer-frames-per-session: 5\/0ms \(window must be longer than 0\)/);
    expect(() => run(['--customer-messages-per-ip', '-1/1s'])).toThrow(/--customer-messages-per-ip/);
  });

  it('lists every customer rate limit flag in the usage text with its default', () => {
    expect(CLI_USAGE).toMatch(/--customer-sessions-per-ip .*\(default 300\/1m\)/);
    expect(CLI_USAGE).toMatch(/--customer-messages-per-ip .*\(default 200\/1s\)/);
    expect(CLI_USAGE).toMatch(/--customer-messages-per-session .*\(default 20\/2s\)/);
    expect(CLI_USAGE).toMatch(/--customer-frames-per-session .*\(default 50\/1s\)/);
  });

  it('recognises --help and -h', () => {
    expect(parseServerCommand(['--help'], {}).kind).toBe('help');
    expect(parseServerCommand(['-h'], {}).kind).toBe('help');
  });
});
