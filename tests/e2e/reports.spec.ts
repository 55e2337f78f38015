import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerAsksForHuman } from '../support/customerChat';
import { launchHost, type LaunchedHost } from '../support/launchHost';
import { signInOnline } from '../support/signIn';

/*
 * Reports in the monitor window: one host provides the server, another runs the lead's core and
 * UI. A customer's chat is answered and resolved by the demo agent (over the server's API); the
 * lead sees today's figures from the server, saves them as XLSX (read back from the export
 * folder), and with the server stopped sees the same figures computed from the cache, labelled.
 */

let server: LaunchedHost;
let workstation: LaunchedHost;
let exports: string;
test.beforeAll(async () => {
  exports = await mkdtemp(join(tmpdir(), 'seatdesk-reports-'));
  server = await launchHost();
  // the host's core writes exports here (exportFolder reads it from its environment)
  process.env.SEATDESK_EXPORT_DIR = exports;
  workstation = await launchHost();
});
test.afterAll(async () => {
  await workstation?.stop();
  await server?.stop();
  await rm(exports, { recursive: true, force: true });
});

async function agentAnswers(serverUrl: string, conversationId: string): Promise<void> {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'seatdesk' }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const [name, args] of [
    ['conversations.accept', { conversationId }],
    ['messages.send', { conversationId, text: '您好，手机号可以在账号设置里更换' }],
    ['conversations.resolve', { conversationId, category: 'account' }],
  ] as const) {
    const response = await fetch(`${serverUrl}/api/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'e2e-agent', mutations: [{ id: randomUUID(), name, args }] }),
    });
    expect(((await response.json()) as { results: { status: string }[] }).results[0]?.status, name).toBe('applied');
  }
}

test('the lead sees today’s figures, exports XLSX, and with the server stopped gets the cache’s figures labelled offline', async ({ page }) => {
  const { customer, conversationId } = await customerAsksForHuman(server.serverUrl, 'q-account', '报表甲', '绑定的手机号换了');
  await expect.poll(async () => (await customer.conversation(conversationId)).status).toBe('queued');
  await agentAnswers(server.serverUrl, conversationId);

  await signInOnline(page, workstation.url, server.serverUrl, 'lead');

  await page.goto(`${workstation.url}?window=monitor`);
  await page.locator('[data-node-key="reports"]').click();
  const panel = page.getByTestId('reports-panel');
  await expect(panel.getByTestId('reports-source')).toHaveAttribute('data-source', 'server', { timeout: 20_000 });
  const agentRow = panel.getByTestId('reports-table').locator('tr[data-row]').filter({ hasText: '李小满' });
  await expect(agentRow).toBeVisible();
  const online = await agentRow.innerText();
  expect(online).toMatch(/^李小满\s+[1-9]/); // at least this conversation

  await panel.getByTestId('reports-export-xlsx').click();
  const path = (await panel.getByTestId('reports-saved-path').innerText()).trim();
  expect(path.startsWith(exports)).toBe(true);
  expect(path).toMatch(/seatdesk-report-agent-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = strFromU8(unzipSync(new Uint8Array(await readFile(path)))['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('30秒接起率');
  expect(sheet).toContain('<t xml:space="preserve">李小满</t>');

  await server.stop({ keepData: true });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', /offline|connecting/, { timeout: 20_000 });
  await panel.getByTestId('reports-refresh').click();
  await expect(panel.getByTestId('reports-source')).toHaveAttribute('data-source', 'cache');
  await expect(panel.getByTestId('reports-source')).toContainText('离线缓存');
  // the same figures, now from the cache
  await expect.poll(() => agentRow.innerText()).toBe(online);
});
