import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/data/random';
import { customerScript } from './script';

describe('customerScript', () => {
  it('opens in Chinese and writes lines with every placeholder filled, for known and unknown queues', () => {
    const rng = createRng('script-test');
    for (const id of ['q-account', 'q-trade', 'q-content', 'q-huaxin', 'q-yuanshan', 'some-other-queue']) {
      for (let i = 0; i < 50; i += 1) {
        const lines = customerScript({ id, name: id, shopId: null }, rng);
        expect(lines.length).toBeGreaterThanOrEqual(3);
        // A line may be just an order number the customer pastes; the opener is always words.
        expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
        for (const line of lines) {
          expect(line.trim()).not.toBe('');
          expect(line).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('talks about the queue’s own subjects: a shop’s customers ask the shop’s questions', () => {
    const rng = createRng('shop');
    const outdoor = Array.from({ length: 30 }, () => customerScript({ id: 'q-yuanshan', name: '远山', shopId: 's' }, rng)[0]).join('');
    expect(outdoor).toMatch(/冲锋衣|帐篷|登山|睡袋|鞋/);
  });

  it('asks for a person in about half of the conversations, which is what bot-first queues hand over on', () => {
    const rng = createRng('handoff');
    const scripts = Array.from({ length: 400 }, () => customerScript({ id: 'q-account', name: 'a', shopId: null }, rng));
    const handoffs = scripts.filter((lines) => lines.some((l) => /人工/.test(l))).length;
    expect(handoffs).toBeGreaterThan(120);
    expect(handoffs).toBeLessThan(280);
  });
});
