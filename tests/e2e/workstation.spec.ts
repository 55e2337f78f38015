import { expect, test, type Page } from '@playwright/test';
import { customerAsksForHuman as asksForHuman } from '../support/customerChat';
import { launchHost, type LaunchedHost } from '../support/launchHost';

/*
 * The agent workstation against the browser host and its embedded demo server: customers write
 * through the real customer API, the agent works in Chromium. Queue q-account is bot-first, so
 * each customer asks for a human ("转人工") before the router offers the chat.
 */

let host: LaunchedHost;
test.beforeAll(async () => {
  host = await launchHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const QUEUE = 'q-account';

async function signIn(page: Page, at: { url: string; serverUrl?: string; username?: string } = { url: host.url }) {
  await page.context().grantPermissions(['notifications']);
  await page.goto(at.url);
  // The core keeps its session between tests (as between app launches): sign in only when asked.
  const login = page.getByTestId('login-username');
  await expect(login.or(page.getByTestId('workstation-frame'))).toBeVisible();
  if (await login.isVisible()) {
    if (at.serverUrl) await page.getByTestId('login-server').fill(at.serverUrl);
    await login.fill(at.username ?? 'agent');
    await page.getByTestId('login-password').fill('seatdesk');
    await page.getByTestId('login-submit').click();
  }
  await expect(page.getByTestId('workstation-frame')).toBeVisible();
  await page.getByTestId('presence-switch').getByText('在线').click();
  await expect(page.getByTestId('presence-switch')).toHaveAttribute('data-presence', 'online');
}

const customerAsksForHuman = (name: string, question: string) => asksForHuman(host.serverUrl, QUEUE, name, question);

/** The offer of that conversation rings in; the agent accepts it and its chat opens. */
async function acceptOffer(page: Page, conversationId: string) {
  const offer = page.locator(`[data-testid="offer"][data-conversation="${conversationId}"]`);
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await offer.getByTestId('offer-accept').click();
  await expect(page.locator(`[data-testid="chat-pane"][data-conversation="${conversationId}"]`)).toHaveAttribute('data-status', 'assigned', {
    timeout: 15_000,
  });
}

test('a customer writes, the agent accepts the offer and answers with a filled canned reply the customer receives', async ({ page }) => {
  await signIn(page);
  const { customer, conversationId } = await customerAsksForHuman('王小明', '我的账号登录不上了');
  await acceptOffer(page, conversationId);
  const pane = page.getByTestId('chat-pane');
  await expect(pane.getByTestId('message-body').filter({ hasText: '我的账号登录不上了' })).toBeVisible();
  await expect(pane.locator('[data-sender="bot"]').first()).toBeVisible();

  // "/" opens the canned replies; the account team's greeting fills the customer's and agent's names.
  const input = page.getByTestId('composer-input');
  await input.click();
  await input.pressSequentially('/hi');
  await expect(page.getByTestId('canned-picker')).toBeVisible();
  await expect(page.getByTestId('trigger-option').first()).toContainText('王小明');
  await input.press('Enter');
  await expect(input).toHaveValue('您好王小明，我是账号安全客服李小满，请问账号遇到了什么问题？');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(pane.locator('[data-sender="agent"][data-delivery="sent"]')).toContainText('您好王小明');
  await expect
    .poll(async () => (await customer.messages(conversationId)).filter((m) => m.senderKind === 'agent').map((m) => m.body))
    .toEqual(['您好王小明，我是账号安全客服李小满，请问账号遇到了什么问题？']);

  // "#" searches the knowledge base and puts the picked answer in as plain text.
  await input.pressSequentially('#忘记密码');
  await expect(page.getByTestId('kb-picker').getByTestId('trigger-option').first()).toBeVisible();
  await input.press('Enter');
  await expect(input).not.toHaveValue(/#|^$/);
  // The assist panel suggests answers to the customer's latest message, inserted with one click.
  await input.fill('');
  await customer.write(QUEUE, '忘记密码了怎么办', conversationId);
  await page.getByTestId('right-tabs').getByText('智能推荐').click();
  const suggestion = page.locator('[data-testid="assist-kb"], [data-testid="assist-canned"]').first();
  await expect(suggestion).toBeVisible();
  await suggestion.locator('[data-testid$="-insert"]').click();
  await expect(input).not.toHaveValue('');

  // The pre-send guard stops a request for the customer's password; nothing goes out.
  await input.fill('请提供您的登录密码');
  await input.press('Enter');
  await expect(page.getByTestId('guard-block')).toContainText('索要密码或验证码');
  await expect(input).toHaveValue('请提供您的登录密码');
  expect((await customer.messages(conversationId)).filter((m) => m.senderKind === 'agent')).toHaveLength(1);

  // Ctrl+Enter resolves with a category.
  await input.fill('');
  await input.press('Control+Enter');
  await resolveAs(page, '账号安全');
  await expect(page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="chat-tab"][data-id="${conversationId}"]`)).toHaveCount(0);
  await expect.poll(async () => (await customer.conversation(conversationId)).status).toBe('resolved');
});

test('three concurrent chats keep their own unread counts, and hostile text renders as text', async ({ page }) => {
  await signIn(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const chats = [];
  for (const name of ['赵一', '钱二', '孙三']) {
    const chat = await customerAsksForHuman(name, `${name}的账号被盗了`);
    await acceptOffer(page, chat.conversationId);
    chats.push(chat);
  }
  await expect(page.getByTestId('chat-tab')).toHaveCount(3);
  // The last accepted chat is open; the other two get 2 and 3 new messages.
  const [first, second, open] = chats as [(typeof chats)[number], (typeof chats)[number], (typeof chats)[number]];
  await first.customer.write(QUEUE, '在吗', first.conversationId);
  await first.customer.write(QUEUE, '<img src=x onerror=alert(1)>', first.conversationId);
  for (const text of ['还在吗', '<script>alert(2)</script>', '[点我](javascript:alert(3))']) await second.customer.write(QUEUE, text, second.conversationId);
  await open.customer.write(QUEUE, '我已经改好密码了', open.conversationId);

  const row = (id: string) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);
  await expect(row(first.conversationId)).toHaveAttribute('data-unread', '2');
  await expect(row(second.conversationId)).toHaveAttribute('data-unread', '3');
  // The open chat is being read: its message counts as read at once.
  await expect(page.getByTestId('chat-pane').getByTestId('message-body').filter({ hasText: '我已经改好密码了' })).toBeVisible();
  await expect(row(open.conversationId)).toHaveAttribute('data-unread', '0');
  await expect(page).toHaveTitle(/^\(5\) Seatdesk/);

  // Opening a chat reads it; its hostile lines are shown as the characters the customer typed.
  await row(second.conversationId).click();
  const pane = page.locator(`[data-testid="chat-pane"][data-conversation="${second.conversationId}"]`);
  await expect(pane.getByTestId('message-body').filter({ hasText: '<script>alert(2)</script>' })).toBeVisible();
  await expect(pane.getByTestId('message-body').filter({ hasText: '[点我](javascript:alert(3))' })).toBeVisible();
  await expect(row(second.conversationId)).toHaveAttribute('data-unread', '0');
  await expect(page).toHaveTitle(/^\(2\) Seatdesk/);
  // Tabs are newest first: the first customer's chat is the next one down.
  await page.keyboard.press('Alt+ArrowDown');
  const firstPane = page.locator(`[data-testid="chat-pane"][data-conversation="${first.conversationId}"]`);
  await expect(firstPane.getByTestId('message-body').filter({ hasText: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(page.locator('script:has-text("alert(2)"), img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);

  await shoot(page);
});

test('a popped-out chat and the workstation stay in sync both ways', async ({ page, context }) => {
  await signIn(page);
  const { customer, conversationId } = await customerAsksForHuman('周六', '换绑手机号怎么操作');
  await acceptOffer(page, conversationId);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('chat-popout').click()]);
  await expect(popup).toHaveURL(new RegExp(`window=chat&conversation=${conversationId}`));
  const popPane = popup.getByTestId('chat-pane');
  const mainPane = page.locator(`[data-testid="chat-pane"][data-conversation="${conversationId}"]`);
  await expect(popPane).toHaveAttribute('data-status', 'assigned');
  await expect(popup).toHaveTitle('Seatdesk — 会话: 周六');

  // Pop-out → main: a reply sent there shows here.
  await popup.getByTestId('composer-input').fill('您好，请在设置里找到账号与安全');
  await popup.getByTestId('composer-input').press('Enter');
  await expect(mainPane.getByTestId('message-body').filter({ hasText: '您好，请在设置里找到账号与安全' })).toBeVisible();

  // Main → pop-out: a note written here shows there, marked as a note.
  await page.getByTestId('composer-mode').getByText('内部备注').click();
  await page.getByTestId('composer-input').fill('客户要换绑，已核实身份');
  await page.getByTestId('composer-input').press('Enter');
  await expect(popPane.getByTestId('thread-note').filter({ hasText: '客户要换绑，已核实身份' })).toBeVisible();

  // The customer's new message reaches both.
  await customer.write(QUEUE, '找到了，谢谢', conversationId);
  await expect(popPane.getByTestId('message-body').filter({ hasText: '找到了，谢谢' })).toBeVisible();
  await expect(mainPane.getByTestId('message-body').filter({ hasText: '找到了，谢谢' })).toBeVisible();

  // A draft typed in the pop-out follows into the main window (kept by the core per conversation).
  await popup.getByTestId('composer-input').fill('稍后给您回电');
  await expect(page.getByTestId('composer-input')).toHaveValue('稍后给您回电');

  // Resolving in the main window shows in the pop-out.
  await page.getByTestId('chat-resolve').click();
  await resolveAs(page, '账号安全');
  await expect(popPane).toHaveAttribute('data-status', 'resolved');
});

test('a chat transferred to a colleague arrives with its whole history, and the colleague resolves it', async ({ page, browser }) => {
  // The colleague works at a second workstation (its own host and core) on the same server;
  // booting that second host counts against this test's time.
  test.slow();
  const second = await launchHost();
  const colleagueContext = await browser.newContext();
  try {
    await signIn(page);
    const { customer, conversationId } = await customerAsksForHuman('吴七', '实名认证一直失败');
    await acceptOffer(page, conversationId);
    // Online only now, so the router offered the chat to the first agent, not to the idler colleague.
    const colleague = await colleagueContext.newPage();
    await signIn(colleague, { url: second.url, serverUrl: host.serverUrl, username: 'zhouyining' });
    await page.getByTestId('composer-input').fill('我先帮您看一下认证记录');
    await page.getByTestId('composer-input').press('Enter');

    await page.getByTestId('chat-transfer').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('transfer-agent') });
    await dialog.getByTestId('transfer-agent').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '周以宁' }).click();
    await dialog.getByTestId('transfer-note').fill('客户实名认证失败，请协助');
    await dialog.getByTestId('transfer-confirm').click();
    await expect(page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`)).toHaveCount(0, { timeout: 15_000 });

    const pane = colleague.locator(`[data-testid="chat-pane"][data-conversation="${conversationId}"]`);
    await expect(pane).toHaveAttribute('data-status', 'assigned', { timeout: 15_000 });
    for (const text of ['实名认证一直失败', '我先帮您看一下认证记录']) await expect(pane.getByTestId('message-body').filter({ hasText: text })).toBeVisible();
    await expect(pane.getByTestId('thread-note').filter({ hasText: '客户实名认证失败，请协助' })).toBeVisible();
    await expect(pane.getByTestId('thread-event').filter({ hasText: '周以宁' })).toBeVisible();
    await colleague.getByTestId('chat-resolve').click();
    await resolveAs(colleague, '实名认证');
    await expect.poll(async () => (await customer.conversation(conversationId)).status).toBe('resolved');
    // Notes stay internal: the customer saw the replies, never the transfer note.
    expect((await customer.messages(conversationId)).map((m) => m.body)).not.toContain('客户实名认证失败，请协助');
    await expect(colleague.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`)).toHaveCount(0);
  } finally {
    await colleagueContext.close();
    await second.stop();
  }
});

/** A 2×2 PNG the browser can draw and the server's sniffing takes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

test('a customer’s image shows as a preview that enlarges; an image the agent pastes reaches the customer byte for byte', async ({ page }) => {
  await signIn(page);
  const { customer, conversationId } = await customerAsksForHuman('郑十', '商品到了是坏的');
  const auth = { authorization: `Bearer ${customer.session.token}` };
  const uploaded = await fetch(`${host.serverUrl}/api/attachments`, { method: 'POST', headers: { ...auth, 'x-filename': encodeURIComponent('破损.png') }, body: PNG });
  const { attachment } = (await uploaded.json()) as { attachment: { id: string } };
  const sent = await fetch(`${host.serverUrl}/api/customer/messages`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ queueId: QUEUE, conversationId, text: '', attachmentIds: [attachment.id] }),
  });
  expect(sent.status).toBe(200);
  await acceptOffer(page, conversationId);

  // The window never fetches the server: the core hands it the bytes, shown through a blob: URL.
  const pane = page.getByTestId('chat-pane');
  const preview = pane.locator('[data-sender="customer"]').getByTestId('attachment-image').locator('img');
  await expect(preview).toHaveAttribute('src', /^blob:/);
  expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  await preview.click();
  await expect(page.locator('.ant-image-preview-img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-image-preview-img')).toBeHidden();

  // Paste a screenshot: it waits with the limits shown, then goes with the reply.
  const input = page.getByTestId('composer-input');
  await input.evaluate((area, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [...PNG]);
  await expect(page.getByTestId('outgoing-file')).toContainText('screenshot-');
  await expect(page.getByTestId('outgoing-files')).toContainText('10.0 MB');
  await input.fill('您看是这样吗');
  await input.press('Enter');
  await expect(page.getByTestId('outgoing-file')).toHaveCount(0);
  const reply = pane.locator('[data-sender="agent"][data-delivery="sent"]').filter({ hasText: '您看是这样吗' });
  await expect(reply.getByTestId('attachment-image').locator('img')).toHaveAttribute('src', /^blob:/);

  const sentFile = async () => (await customer.messages(conversationId)).find((m) => m.body === '您看是这样吗')?.attachments?.[0];
  await expect.poll(sentFile).toMatchObject({ name: expect.stringMatching(/^screenshot-.*\.png$/), mime: 'image/png', size: PNG.length });
  const { id } = (await sentFile())!;
  const download = await fetch(`${host.serverUrl}/api/attachments/${id}`, { headers: auth });
  expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
});

/** Fills the resolve dialog's category (closing its suggestions) and confirms. */
async function resolveAs(page: Page, category: string) {
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('resolve-category') });
  await dialog.getByTestId('resolve-category').locator('input').fill(category);
  await dialog.locator('.ant-modal-title').click();
  await dialog.getByTestId('resolve-confirm').click();
  await expect(dialog).toBeHidden();
}

/** The workstation with chats open, in both languages and both themes. */
async function shoot(page: Page) {
  for (const language of ['zh-CN', 'en'] as const) {
    await page.getByTestId('lang-switch').getByText(language === 'en' ? 'English' : '中文').click();
    for (const theme of ['light', 'dark'] as const) {
      const toggle = page.getByTestId('theme-toggle');
      if ((await toggle.getAttribute('data-theme')) !== theme) await toggle.click();
      await expect(toggle).toHaveAttribute('data-theme', theme);
      // No hover tooltip over the picture.
      await page.mouse.move(700, 600);
      await expect(page.locator('.ant-tooltip:visible')).toHaveCount(0);
      await page.screenshot({ path: `test-results/screenshots/workstation-chats-${language}-${theme}.png` });
    }
  }
  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByTestId('theme-toggle').click();
}
