import { ACCOUNT_TOPICS } from '../demo/data/content/dialogue/account';
import { CUSTOMER_BYE, CUSTOMER_HANDOFF, CUSTOMER_THANKS, CUSTOMER_WAIT, OPENER_PREFIXES } from '../demo/data/content/dialogue/common';
import { CONTENT_TOPICS } from '../demo/data/content/dialogue/content';
import { BEAUTY_SCENARIOS, OUTDOOR_SCENARIOS } from '../demo/data/content/dialogue/shops';
import { TRADE_TOPICS } from '../demo/data/content/dialogue/trade';
import type { Rng } from '../demo/data/random';

/*
 * What one simulated customer says in one conversation, from the demo data's dialogue templates:
 * an opener about something they are stuck on, a request for a person now and then (bot-first
 * queues hand over on it), the answer to the agent's usual question, and thanks.
 */

export interface ScriptQueue {
  id: string;
  name: string;
  shopId: string | null;
}

interface Exchange {
  openers: string[];
  answer: string;
}

const PLATFORM: Record<string, readonly { threads: readonly { stuck: string; answer: string }[] }[]> = {
  'q-account': ACCOUNT_TOPICS,
  'q-trade': TRADE_TOPICS,
  'q-content': CONTENT_TOPICS,
};
const SHOPS: Record<string, readonly { threads: readonly { ask: string[]; answer: string }[] }[]> = {
  'q-huaxin': BEAUTY_SCENARIOS,
  'q-yuanshan': OUTDOOR_SCENARIOS,
};

/** Every exchange of the templates, for queues the demo data does not know (any other server). */
const ALL: Exchange[] = [
  ...Object.values(PLATFORM).flatMap((topics) => topics.flatMap((t) => t.threads.map((x) => ({ openers: [x.stuck], answer: x.answer })))),
  ...Object.values(SHOPS).flatMap((scenarios) => scenarios.flatMap((s) => s.threads.map((x) => ({ openers: x.ask, answer: x.answer })))),
];

function exchangesFor(queue: ScriptQueue): Exchange[] {
  const platform = PLATFORM[queue.id];
  if (platform) return platform.flatMap((t) => t.threads.map((x) => ({ openers: [x.stuck], answer: x.answer })));
  const shop = SHOPS[queue.id];
  if (shop) return shop.flatMap((s) => s.threads.map((x) => ({ openers: x.ask, answer: x.answer })));
  return ALL;
}

/** The template placeholders a customer's own lines use, filled with plausible values. */
function fill(line: string, rng: Rng): string {
  const values: Record<string, () => string> = {
    tail: () => String(rng.int(1000, 9999)),
    order: () => `DD${rng.int(20250101, 20251231)}${String(rng.int(0, 999999)).padStart(6, '0')}`,
    amount: () => `${rng.int(19, 899)}`,
    item: () => rng.pick(['防晒霜', '冲锋衣', '口红', '登山鞋', '保温杯']),
    date: () => `${rng.int(1, 12)}月${rng.int(1, 28)}日`,
    city: () => rng.pick(['杭州', '成都', '北京', '广州', '武汉']),
    carrier: () => rng.pick(['顺丰', '中通', '圆通']),
    tracking: () => `SF${rng.int(100000000, 999999999)}`,
  };
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => values[key]?.() ?? '');
}

/** The lines of one conversation, in order. */
export function customerScript(queue: ScriptQueue, rng: Rng): string[] {
  const exchange = rng.pick(exchangesFor(queue));
  const lines = [rng.pick(OPENER_PREFIXES) + rng.pick(exchange.openers)];
  if (rng.chance(0.5)) lines.push(rng.pick(CUSTOMER_HANDOFF));
  if (rng.chance(0.2)) lines.push(rng.pick(CUSTOMER_WAIT));
  lines.push(exchange.answer, rng.pick(CUSTOMER_THANKS));
  if (rng.chance(0.5)) lines.push(rng.pick(CUSTOMER_BYE));
  return lines.map((line) => fill(line, rng));
}
