import { describe, expect, it } from 'vitest';
import { composerKeyAction, type KeyInput } from './composerKeys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

describe('composer keys', () => {
  it('sends on Enter and leaves Shift+Enter to the textarea as a new line', () => {
    expect(composerKeyAction(key('Enter'), false)).toBe('send');
    expect(composerKeyAction(key('Enter', { shiftKey: true }), false)).toBeNull();
  });

  it('resolves on Ctrl+Enter and Cmd+Enter, also with a list open', () => {
    expect(composerKeyAction(key('Enter', { ctrlKey: true }), false)).toBe('resolve');
    expect(composerKeyAction(key('Enter', { metaKey: true }), true)).toBe('resolve');
  });

  it('never acts while an IME composes (Enter picks the pinyin candidate)', () => {
    expect(composerKeyAction(key('Enter', { isComposing: true }), false)).toBeNull();
    expect(composerKeyAction(key('Process'), true)).toBeNull();
  });

  it('moves, picks and closes the / or # list while it is open instead of sending', () => {
    expect(composerKeyAction(key('Enter'), true)).toBe('pick');
    expect(composerKeyAction(key('Tab'), true)).toBe('pick');
    expect(composerKeyAction(key('ArrowDown'), true)).toBe('next');
    expect(composerKeyAction(key('ArrowUp'), true)).toBe('previous');
    expect(composerKeyAction(key('Escape'), true)).toBe('close');
    expect(composerKeyAction(key('ArrowDown'), false)).toBeNull();
    expect(composerKeyAction(key('Tab'), false)).toBeNull();
  });
});
