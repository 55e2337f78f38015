import { expect, test } from '@playwright/test';
import { customerAsksForHuman } from '../support/customerChat';
import { launchHost, type LaunchedHost } from '../support/launchHost';
import { signInOnline } from '../support/signIn';

/*
 * The workstation keeps working when the server goes away: one host provides the server (and is
 * stopped and started again on the same data and port), another runs the agent's core and UI.
 */

let server: LaunchedHost;
let workstation: LaunchedHost;
test.beforeAll(async () => {
  server = await launchHost();
  workstation = await launchHost();
});
test.afterAll(async () => {
  await workstation?.stop();
  await server?.stop();
});

test('with the server stopped the offline state shows, and a reply sent meanwhile is delivered after it restarts', async ({ page }) => {
  await signInOnline(page, workstation.url, server.serverUrl, 'agent');
  await page.getByTestId('presence-switch').getByText('在线').click();

  const { customer, conversationId } = await customerAsksForHuman(server.serverUrl, 'q-account', '郑八', '绑定的手机号换了');
  const offer = page.locator(`[data-testid="offer"][data-conversation="${conversationId}"]`);
  await offer.getByTestId('offer-accept').click({ timeout: 20_000 });
  const pane = page.locator(`[data-testid="chat-pane"][data-conversation="${conversationId}"]`);
  await expect(pane).toHaveAttribute('data-status', 'assigned', { timeout: 15_000 });

  const port = Number(new URL(server.serverUrl).port);
  const dataDir = server.dataDir;
  await server.stop({ keepData: true });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', /offline|connecting/, { timeout: 20_000 });

  // The chat stays readable and writable from the local cache; the reply waits in the outbox.
  await page.getByTestId('composer-input').fill('网络恢复后这条会发出');
  await page.getByTestId('composer-input').press('Enter');
  await expect(pane.locator('[data-sender="agent"][data-delivery="pending"]')).toContainText('网络恢复后这条会发出');

  server = await launchHost({ dataDir, serverPort: port });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(pane.locator('[data-sender="agent"][data-delivery="sent"]')).toContainText('网络恢复后这条会发出', { timeout: 20_000 });
  await expect.poll(async () => (await customer.messages(conversationId)).map((m) => m.body)).toContain('网络恢复后这条会发出');
});
