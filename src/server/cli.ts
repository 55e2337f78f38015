import { resolve } from 'node:path';
import { startServer } from './app';
import { CLI_USAGE, parseServerCommand } from './config';
import { runKbCommand } from './kb/cli';

/*
 * `seatdesk-server`: runs the contact-centre server in the foreground until SIGINT/SIGTERM.
 * Logs are pino JSON on stdout; the one plain "listening" line is for people and scripts.
 */

/** A stuck close (a client that never finishes its close handshake) must not block shutdown forever. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  if (process.argv[2] === 'kb') {
    process.exitCode = runKbCommand(process.argv.slice(3), process.env, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
    return;
  }
  let command;
  try {
    command = parseServerCommand(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${CLI_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }

  const { config } = command;
  const server = await startServer({
    dataDir: resolve(config.dataDir),
    host: config.host,
    port: config.port,
    demo: config.demo,
    sessionTtlMs: config.sessionTtlMs,
    maxAttachmentBytes: config.maxAttachmentBytes,
    customerRateLimits: config.customerRateLimits,
    logger: { level: config.logLevel },
  });
  process.stdout.write(`Seatdesk server listening on ${server.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C means "now".
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`${signal} received, shutting down\n`);
    const timer = setTimeout(() => {
      process.stderr.write('shutdown timed out\n');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Seatdesk server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
