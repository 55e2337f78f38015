import { describe, expect, it } from 'vitest';
import { summary } from '../../testing/workstationWorld';
import { chatMemory } from './chatMemory';

const chat = (id: string) => ({ conversation: summary(id), messages: [], hasMore: false });

describe('chat memory', () => {
  it('recalls the last view of a chat opened in the same window, and nothing of another window', () => {
    const window1 = {};
    chatMemory(window1).remember('c1', chat('c1'));
    expect(chatMemory(window1).recall('c1')?.conversation.id).toBe('c1');
    expect(chatMemory({}).recall('c1')).toBeNull();
  });

  it('keeps the twenty chats read most recently, forgetting the one read longest ago', () => {
    const memory = chatMemory({});
    for (let i = 0; i < 20; i += 1) memory.remember(`c${i}`, chat(`c${i}`));
    memory.remember('c0', chat('c0'));
    memory.remember('c20', chat('c20'));
    expect(memory.recall('c0')).not.toBeNull();
    expect(memory.recall('c1')).toBeNull();
    expect(memory.recall('c20')).not.toBeNull();
  });
});
