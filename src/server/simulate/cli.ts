import { parseArgs } from 'node:util';
import { Simulation, type SimulationStats } from './simulation';

/*
 * `npm run simulate -- --server http://127.0.0.1:4700 --customers 200 --rate 20`: simulated
 * customers chat with a running server until Ctrl+C (or --duration seconds), with one running
 * line of what was sent and answered.
 */

const USAGE = `Usage: npm run simulate -- [options]

  --server <url>       the Seatdesk server            (default http://127.0.0.1:4700)
  --customers <n>      customers connected at once    (default 50)
  --rate <n>           messages per second, in total  (default 5)
  --duration <s>       stop after this many seconds   (default: until Ctrl+C)
  --seed <text>        what the customers say follows this seed (default simulate)
  -h, --help           show this text`;

function positive(name: string, text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${text}`);
  return value;
}

function line(stats: SimulationStats, seconds: number): string {
  const rate = seconds > 0 ? (stats.sent / seconds).toFixed(1) : '0.0';
  const reasons = Object.entries(stats.failures)
    .map(([reason, n]) => `${reason} ×${n}`)
    .join(', ');
  return `customers ${stats.connected}/${stats.customers} · conversations ${stats.conversations} · sent ${stats.sent} · answered ${stats.answered} · failed ${stats.failed}${reasons ? ` (${reasons})` : ''} · ${rate} msg/s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: true,
    options: {
      server: { type: 'string' },
      customers: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const server = (values.server ?? 'http://127.0.0.1:4700').replace(/\/$/, '');
  const simulation = new Simulation({
    server,
    customers: Math.round(positive('customers', values.customers, 50)),
    rate: positive('rate', values.rate, 5),
    seed: values.seed,
  });
  // The pace (msg/s) counts from when every customer is connected.
  let started = Date.now();
  const tty = process.stdout.isTTY;
  const print = () => {
    const text = line(simulation.stats(), (Date.now() - started) / 1000);
    process.stdout.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
  };

  let finishing: Promise<void> | undefined;
  const finish = (): Promise<void> =>
    (finishing ??= (async () => {
      clearInterval(ticker);
      await simulation.stop();
      print();
      process.stdout.write('\nstopped\n');
    })());
  process.on('SIGINT', () => void finish().then(() => process.exit(0)));
  process.on('SIGTERM', () => void finish().then(() => process.exit(0)));
  const ticker = setInterval(print, tty ? 1000 : 5000);

  process.stdout.write(`simulating ${values.customers ?? 50} customers against ${server} (Ctrl+C to stop)\n`);
  await simulation.start();
  started = Date.now();
  if (values.duration !== undefined) {
    setTimeout(() => void finish().then(() => process.exit(0)), positive('duration', values.duration, 0) * 1000);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(1);
});
