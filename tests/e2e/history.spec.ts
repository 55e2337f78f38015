import { expect, test, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CustomerClient } from '../support/customerApi';
import { launchHost, type LaunchedHost } from '../support/launchHost';

/*
 * The history window against the browser host and its embedded demo server. Two customers write
 * about 琥珀 (a word no demo conversation holds) and the demo agent serves both in the
 * workstation: one chat gets a reply, an internal note and a transfer to the trade queue, the
 * other a reply and a resolve. Then the agent looks them up in the history window. Exports go to
 * a folder of this test (the host inherits SEATDESK_EXPORT_DIR), where the test tampers with one.
 */

let host: LaunchedHost;
let exportDir: string;
test.beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'seatdesk-e2e-exports-'));
  process.env.SEATDESK_EXPORT_DIR = exportDir;
  host = await launchHost();
});
test.afterAll(async () => {
  await host?.stop();
  delete process.env.SEATDESK_EXPORT_DIR;
  await rm(exportDir, { recursive: true, force: true });
});

const QUEUE = 'q-account';
const PHONE = '13812345678';
test.describe.configure({ mode: 'serial' });

let transferred = '';
let resolved = '';

async function signIn(page: Page) {
  await page.goto(host.url);
  const login = page.getByTestId('login-username');
  await expect(login.or(page.getByTestId('workstation-frame'))).toBeVisible();
  if (await login.isVisible()) {
    await login.fill('agent');
    await page.getByTestId('login-password').fill('seatdesk');
    await page.getByTestId('login-submit').click();
  }
  await expect(page.getByTestId('workstation-frame')).toBeVisible();
}

/** A customer asks the bot, then for a human; the agent accepts the offer and replies. */
async function servedChat(page: Page, name: string, question: string, reply: string) {
  const customer = await CustomerClient.start(host.serverUrl, name);
  const { conversationId } = await customer.write(QUEUE, question);
  await expect.poll(async () => (await customer.messages(conversationId)).some((m) => m.senderKind === 'bot')).toBe(true);
  await customer.write(QUEUE, '转人工', conversationId);
  const offer = page.locator(`[data-testid="offer"][data-conversation="${conversationId}"]`);
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await offer.getByTestId('offer-accept').click();
  const pane = page.locator(`[data-testid="chat-pane"][data-conversation="${conversationId}"]`);
  await expect(pane).toHaveAttribute('data-status', 'assigned');
  await page.getByTestId('composer-input').fill(reply);
  await page.getByTestId('composer-input').press('Enter');
  await expect(pane.locator('[data-sender="agent"][data-delivery="sent"]')).toContainText(reply);
  return conversationId;
}

async function openHistory(page: Page) {
  await page.goto(`${host.url}?window=history`);
  await expect(page.getByTestId('history-window')).toBeVisible();
}

async function search(page: Page, query: string) {
  await page.getByTestId('history-search').fill(query);
}

const hitsOf = (page: Page) => page.getByTestId('history-hit');
const groupsOf = (page: Page) => page.getByTestId('history-group');

test('the agent serves two chats about 琥珀: one transferred with a note, one resolved', async ({ page }) => {
  await page.context().grantPermissions(['notifications']);
  await signIn(page);
  await page.getByTestId('presence-switch').getByText('在线').click();
  await expect(page.getByTestId('presence-switch')).toHaveAttribute('data-presence', 'online');

  transferred = await servedChat(page, '林琥珀', `我买的琥珀手串断了，电话 ${PHONE}`, '请提供订单号，我帮您查询');
  await page.getByTestId('composer-mode').getByText('内部备注').click();
  await page.getByTestId('composer-input').fill('已核实琥珀订单，转交易组');
  await page.getByTestId('composer-input').press('Enter');
  await page.getByTestId('composer-mode').getByText('回复客户').click();
  await page.getByTestId('chat-transfer').click();
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('transfer-target') });
  await dialog.getByTestId('transfer-target').getByText('转回队列').click();
  await dialog.getByTestId('transfer-queue').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '交易与退款' }).click();
  await dialog.getByTestId('transfer-confirm').click();
  await expect(page.locator(`[data-testid="conversation-row"][data-id="${transferred}"]`)).toHaveCount(0, { timeout: 15_000 });

  resolved = await servedChat(page, '钱多多', '琥珀项链什么时候发货', '今天下午发出');
  await page.getByTestId('chat-resolve').click();
  const resolve = page.locator('.ant-modal').filter({ has: page.getByTestId('resolve-category') });
  await resolve.getByTestId('resolve-category').locator('input').fill('物流');
  await resolve.locator('.ant-modal-title').click();
  await resolve.getByTestId('resolve-confirm').click();
  await expect(resolve).toBeHidden();
});

test('a 2-character Chinese word finds both chats, with the phone number masked in the snippet; filters narrow them', async ({ page }) => {
  await openHistory(page);
  await search(page, '琥珀');
  await expect(groupsOf(page)).toHaveCount(2);
  await expect(page.locator(`[data-testid="history-group"][data-conversation="${transferred}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="history-group"][data-conversation="${resolved}"]`)).toBeVisible();
  const phoneHit = hitsOf(page).filter({ hasText: '手串' });
  await expect(phoneHit).toContainText('138****5678');
  await expect(phoneHit).not.toContainText(PHONE);
  await expect(phoneHit.locator('mark').first()).toHaveText('琥珀');
  await expect(page.getByTestId('history-summary')).toContainText('毫秒');
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/history-search-zh-CN.png' });

  // Status: only the resolved chat; then no channel but chat holds them, so "direct message" finds none.
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已解决' }).click();
  await expect(groupsOf(page)).toHaveCount(1);
  await expect(groupsOf(page).first()).toHaveAttribute('data-conversation', resolved);
  await page.getByTestId('filter-channel').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '私信' }).click();
  await expect(page.getByTestId('history-no-results')).toBeVisible();
  await page.getByTestId('filter-clear').click();
  await expect(groupsOf(page)).toHaveCount(2);

  await search(page, '不存在的词语组合');
  await expect(page.getByTestId('history-no-results')).toBeVisible();
});

test('the transcript shows the bot turn, the note and the transfer in order, at the matched message; Esc closes it', async ({ page }) => {
  await openHistory(page);
  await search(page, '琥珀');
  await expect(groupsOf(page)).toHaveCount(2);
  // The keyboard: "/" focuses the box, arrows walk, Enter opens.
  await page.getByTestId('history-window').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(page.getByTestId('history-search')).toBeFocused();
  const target = hitsOf(page).filter({ hasText: '手串' });
  const index = await hitsOf(page).evaluateAll((hits) => hits.findIndex((h) => h.textContent?.includes('手串')));
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const transcript = page.locator(`[data-testid="history-transcript"][data-conversation="${transferred}"]`);
  await expect(transcript).toBeVisible();
  await expect(transcript.locator('[data-focused="true"]')).toContainText('138****5678');
  await expect(transcript).not.toContainText(PHONE);
  await expect(transcript.getByTestId('transcript-counterpart')).toHaveText('平台客服');
  const lines = await transcript.locator('[data-testid="thread-message"], [data-testid="thread-note"], [data-testid="thread-event"]').evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-testid')}:${el.getAttribute('data-sender') ?? ''}:${el.textContent ?? ''}`),
  );
  const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
  expect(at(/^thread-message:customer:.*手串/)).toBeGreaterThanOrEqual(0);
  expect(at(/^thread-message:bot:/)).toBeGreaterThan(at(/^thread-message:customer:.*手串/));
  expect(at(/^thread-message:agent:.*订单号/)).toBeGreaterThan(at(/^thread-message:bot:/));
  expect(at(/^thread-note:.*已核实琥珀订单/)).toBeGreaterThan(at(/^thread-message:agent:.*订单号/));
  expect(at(/^thread-event:.*交易与退款/)).toBeGreaterThan(at(/^thread-note:.*已核实琥珀订单/));
  await page.screenshot({ path: 'test-results/screenshots/history-transcript-zh-CN.png' });
  await page.keyboard.press('Escape');
  await expect(transcript).toBeHidden();
});

test("the customer's timeline lists their conversations, from a result or a transcript, and opens one", async ({ page }) => {
  await openHistory(page);
  await search(page, '手串');
  await page.locator(`[data-testid="history-group"][data-conversation="${transferred}"]`).getByTestId('group-customer').click();
  const timeline = page.getByTestId('customer-timeline');
  const item = timeline.locator(`[data-testid="timeline-item"][data-id="${transferred}"]`);
  await expect(item).toBeVisible();
  await expect(timeline.locator(`[data-testid="timeline-item"][data-id="${resolved}"]`)).toHaveCount(0);
  await expect(item).toContainText('在线聊天');
  await expect(item).toContainText('平台客服');
  await item.click();
  await expect(timeline).toBeHidden();
  const transcript = page.locator(`[data-testid="history-transcript"][data-conversation="${transferred}"]`);
  await expect(transcript).toBeVisible();
  await transcript.getByTestId('open-timeline').click();
  await expect(item).toBeVisible();
});

test('an export of one conversation verifies, and a copy with one message edited on disk fails verification', async ({ page }) => {
  await openHistory(page);
  await search(page, '手串');
  // The newest conversations show until the typed search answers: click the hit that matched.
  await hitsOf(page).filter({ hasText: '手串' }).click();
  await expect(page.locator(`[data-testid="history-transcript"][data-conversation="${transferred}"]`)).toBeVisible();
  await page.getByTestId('export-conversation').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-format').getByText('JSON').click();
  await expect(dialog.getByTestId('export-unmasked')).toHaveCount(0);
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-progress')).toBeVisible();
  const path = (await dialog.getByTestId('export-path').textContent())!.trim();
  expect(dirname(path)).toBe(exportDir);
  const exported = await readFile(path, 'utf8');
  expect(exported).not.toContain(PHONE);

  await dialog.getByTestId('verify-run').click();
  await expect(dialog.getByTestId('verify-ok')).toBeVisible();

  // One customer message changed in a copy beside it: the chain no longer matches.
  const bundle = JSON.parse(exported) as { messages: { body: string }[] };
  const edited = bundle.messages.find((m) => m.body.includes('手串'))!;
  edited.body = edited.body.replace('断了', '完好');
  const tampered = path.replace(/\.json$/, '-tampered.json');
  await writeFile(tampered, JSON.stringify(bundle));
  await dialog.getByTestId('verify-path').fill(tampered);
  await dialog.getByTestId('verify-run').click();
  await expect(dialog.getByTestId('verify-failed')).toContainText('消息被修改');
  await page.screenshot({ path: 'test-results/screenshots/history-export-zh-CN.png' });
});

test('the window in English', async ({ page }) => {
  await openHistory(page);
  await page.getByTestId('lang-switch').getByText('English').click();
  await search(page, '琥珀');
  await expect(groupsOf(page)).toHaveCount(2);
  await expect(page.getByTestId('history-summary')).toContainText('ms');
  await hitsOf(page).filter({ hasText: '手串' }).click();
  await expect(page.getByTestId('history-transcript')).toContainText('Served by');
  await page.screenshot({ path: 'test-results/screenshots/history-en.png' });
  await page.getByTestId('theme-toggle').click();
  await page.screenshot({ path: 'test-results/screenshots/history-en-dark.png' });
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('lang-switch').getByText('中文').click();
});
