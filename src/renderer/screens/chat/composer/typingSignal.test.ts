import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_IDLE_MS, TypingSignal } from './typingSignal';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function signal() {
  const said: boolean[] = [];
  return { said, typing: new TypingSignal((typing) => said.push(typing), () => Date.now()) };
}

describe('typing signal to the customer', () => {
  it('says "typing" at the first key and then at most once every 3 s while keys keep coming', () => {
    const { said, typing } = signal();
    for (let i = 0; i < 40; i += 1) {
      typing.input();
      vi.advanceTimersByTime(200);
    }
    // 8 s of typing: at 0, 3 s and 6 s.
    expect(said).toEqual([true, true, true]);
  });

  it('says "stopped" once after 5 s without a key, and not again', () => {
    const { said, typing } = signal();
    typing.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(said).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual([true, false]);
    typing.stop();
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(said).toEqual([true, false]);
  });

  it('says "stopped" at once when the reply is sent, and "typing" again at the next key', () => {
    const { said, typing } = signal();
    typing.input();
    typing.stop();
    typing.input();
    expect(said).toEqual([true, false, true]);
  });
});
