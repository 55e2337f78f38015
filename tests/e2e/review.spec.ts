import { expect, test, type Page } from '@playwright/test';
import { CustomerClient } from '../support/customerApi';
import { launchHost, type LaunchedHost } from '../support/launchHost';
import { signInOnline } from '../support/signIn';

/*
 * Offline review in the browser host: the demo team lead makes today's conversations of a queue
 * available offline (progress bar), the server stops, verdicts are recorded from the cache, and
 * after the server restarts they are on the server — read back over its HTTP API.
 */


async function serverReviews(serverUrl: string): Promise<{ conversationId: string; verdict: string; ruleId: string | null }[]> {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lead', password: 'seatdesk' }),
  });
  const { token } = (await login.json()) as { token: string };
  const rows: { entity: string; data: { conversationId: string; verdict: string; ruleId: string | null } }[] = [];
  let cursor = 0;
  for (;;) {
    const page = (await (await fetch(`${serverUrl}/api/sync/pull?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      rows: typeof rows;
      cursor: number;
      hasMore: boolean;
    };
    rows.push(...page.rows);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return rows.filter((r) => r.entity === 'reviews').map((r) => r.data);
}

test('a lead makes a queue’s day available offline, records verdicts with the server stopped, and they reach the server once after it restarts', async ({ page }) => {
  // One host provides the server (stopped and started again on the same data and port), the other runs the lead's core and UI.
  const hosts = { server: await launchHost(), workstation: await launchHost() };
  try {
    await reviewOffline(page, hosts);
  } finally {
    await hosts.workstation.stop();
    await hosts.server.stop();
  }
});

async function reviewOffline(page: Page, hosts: { server: LaunchedHost; workstation: LaunchedHost }): Promise<void> {
  const workstationUrl = hosts.workstation.url;
  let server = hosts.server;
  const first = await (await CustomerClient.start(server.serverUrl, '审核甲')).write('q-account', '我的账号被盗了，你们这是诈骗吧');
  const second = await (await CustomerClient.start(server.serverUrl, '审核乙')).write('q-account', '怎么修改绑定手机号');

  await signInOnline(page, workstationUrl, server.serverUrl, 'lead');

  // The review tab of the history window.
  await page.goto(`${workstationUrl}?window=history`);
  await page.locator('[data-node-key="review"]').click();
  const panel = page.getByTestId('review-panel');
  await panel.getByTestId('review-queue').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '账号与安全' }).click();
  await panel.getByTestId('review-prepare').click();
  await expect(panel.getByTestId('review-progress')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect(panel.getByTestId('review-set').first()).toHaveAttribute('data-state', 'ready');
  const item = (id: string) => panel.locator(`[data-testid="review-item"][data-conversation="${id}"]`);
  await expect(item(first.conversationId)).toBeVisible();
  await expect(item(second.conversationId)).toBeVisible();

  const port = Number(new URL(server.serverUrl).port);
  const dataDir = server.dataDir;
  await server.stop({ keepData: true });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', /offline|connecting/, { timeout: 20_000 });

  // Offline: the transcript reads from the cache; P passes, F fails with the rule picked.
  await item(first.conversationId).click();
  await expect(panel.getByTestId('review-conversation')).toContainText('你们这是诈骗吧');
  await page.keyboard.press('f');
  await page.locator('.ant-select-item-option').filter({ hasText: '不文明用语' }).click();
  await expect(item(first.conversationId)).toHaveAttribute('data-state', 'pending');
  await expect(item(first.conversationId)).toHaveAttribute('data-verdict', 'fail');
  await item(second.conversationId).click();
  await page.keyboard.press('p');
  await expect(item(second.conversationId)).toHaveAttribute('data-state', 'pending');
  await expect(item(second.conversationId)).toHaveAttribute('data-verdict', 'pass');

  server = hosts.server = await launchHost({ dataDir, serverPort: port });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(item(first.conversationId)).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  await expect(item(second.conversationId)).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });

  const reviews = await serverReviews(server.serverUrl);
  expect(reviews.map((r) => [r.conversationId, r.verdict, r.ruleId]).sort()).toEqual(
    [[first.conversationId, 'fail', 'agent.rude'], [second.conversationId, 'pass', null]].sort(),
  );
}
