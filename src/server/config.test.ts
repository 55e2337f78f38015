import { describe, expect, it } from 'vitest';
import { parseServerCommand } from './config';

function run(argv: string[], env: Record<string, string> = {}) {
  const command = parseServerCommand(argv, env);
  if (command.kind !== 'run') throw new Error('expected run');
  return command.config;
}

describe('parseServerCommand', () => {
  it('has safe defaults: loopback, port 4700, no demo, 12 h sessions', () => {
    expect(run([])).toEqual({
      dataDir: './.seatdesk-data/server',
      host: '127.0.0.1',
      port: 4700,
      demo: false,
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      maxAttachmentBytes: 10 * 1024 * 1024,
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

  it('recognises --help and -h', () => {
    expect(parseServerCommand(['--help'], {}).kind).toBe('help');
    expect(parseServerCommand(['-h'], {}).kind).toBe('help');
  });
});
