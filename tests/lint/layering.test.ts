import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a fixture as if it stood at `asPath`, returning the messages of the layering rule. */
async function layeringErrors(fixture: string, asPath: string) {
  const code = readFileSync(join(root, 'tests/lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);
}

describe('layering rules of ARCHITECTURE.md §3', () => {
  it('fails when src/main/core imports electron', async () => {
    const errors = await layeringErrors('imports-electron.ts', 'src/main/core/bad.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('only src/main/electron may import electron');
  });

  it('fails when src/renderer imports node:fs', async () => {
    const errors = await layeringErrors('imports-node-fs.ts', 'src/renderer/bad.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('no node built-ins');
  });

  it('fails when src/shared imports node:fs', async () => {
    expect(await layeringErrors('imports-node-fs.ts', 'src/shared/bad.ts')).toHaveLength(1);
  });

  it('fails when src/server imports src/main', async () => {
    const errors = await layeringErrors('imports-main.ts', 'src/server/bad.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('src/server imports src/shared only');
  });

  it('lets src/main/electron import electron and src/server import shared', async () => {
    expect(await layeringErrors('imports-electron.ts', 'src/main/electron/ok.ts')).toHaveLength(0);
    expect(await layeringErrors('imports-shared.ts', 'src/server/accounts/ok.ts')).toHaveLength(0);
  });
});
