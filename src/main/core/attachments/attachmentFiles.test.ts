import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentFiles } from './attachmentFiles';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function filesWithBudget(budgetBytes: number) {
  const root = mkdtempSync(join(tmpdir(), 'seatdesk-attachment-files-'));
  roots.push(root);
  return { root, files: new AttachmentFiles(root, budgetBytes) };
}

const bytesOf = (fill: number, size = 100) => new Uint8Array(size).fill(fill);

/** Ages a stored file's blob so the order of "last opened" does not hang on the clock's resolution. */
function age(root: string, files: AttachmentFiles, id: string, secondsAgo: number) {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(root, 'blobs', files.entry(id)!.sha256), when, when);
}

describe('the attachment file budget', () => {
  it('drops the least recently opened files past the budget, and keeps the one just opened', () => {
    const { root, files } = filesWithBudget(350);
    files.put('a', bytesOf(1));
    files.put('b', bytesOf(2));
    files.put('c', bytesOf(3));
    age(root, files, 'a', 30);
    age(root, files, 'b', 20);
    age(root, files, 'c', 10);
    // opening a makes it the most recent: b is now the oldest
    expect(files.read('a', 0, 10)?.bytes).toEqual(Buffer.from(bytesOf(1, 10)));
    files.put('d', bytesOf(4));
    expect(files.entry('b')).toBeNull();
    expect(files.entry('a')).not.toBeNull();
    expect(files.entry('c')).not.toBeNull();
    expect(files.bytes('d')).toEqual(Buffer.from(bytesOf(4)));
  });

  it('never drops a file this user is still sending, and lets it go once the server has it', () => {
    const { root, files } = filesWithBudget(250);
    files.put('local-1', bytesOf(9), { name: '发票.png' });
    age(root, files, 'local-1', 60);
    files.put('x', bytesOf(1));
    files.put('y', bytesOf(2));
    expect(files.bytes('local-1')).toEqual(Buffer.from(bytesOf(9)));
    expect(files.entry('x')).toBeNull();

    const entry = files.entry('local-1')!;
    files.link('local-1', { ...entry, upload: { name: '发票.png', serverId: 'srv-1' } });
    age(root, files, 'local-1', 60);
    files.put('z', bytesOf(3));
    expect(files.entry('local-1')).toBeNull();
  });

  it('counts the bytes already on disk when it opens again', () => {
    const { root, files } = filesWithBudget(250);
    files.put('a', bytesOf(1));
    files.put('b', bytesOf(2));
    age(root, files, 'a', 20);
    const reopened = new AttachmentFiles(root, 250);
    reopened.put('c', bytesOf(3));
    expect(reopened.entry('a')).toBeNull();
    expect(reopened.entry('b')).not.toBeNull();
    expect(reopened.entry('c')).not.toBeNull();
  });

  it('stores the same bytes once however many ids name them', () => {
    const { root, files } = filesWithBudget(150);
    files.put('a', bytesOf(1));
    files.put('a-again', bytesOf(1));
    expect(files.entry('a')?.sha256).toBe(files.entry('a-again')?.sha256);
    expect(readdirSync(join(root, 'blobs'))).toHaveLength(1);
    expect(files.bytes('a')).toEqual(Buffer.from(bytesOf(1)));
  });
});
