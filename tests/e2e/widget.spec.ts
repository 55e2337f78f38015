import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

/*
 * A customer chats through the /widget page of the built server (dist/server/cli.js with the demo
 * data), while an agent answers through the HTTP and WebSocket API as a workstation would.
 */

const root = join(import.meta.dirname, '..', '..');
let server: { url: string; child: ChildProcess; dataDir: string };

test.beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-widget-'));
  const child = spawn(process.execPath, [join(root, 'dist/server/cli.js'), '--demo', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  server = { url, child, dataDir };
});

test.afterAll(async () => {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  await rm(server.dataDir, { recursive: true, force: true });
});

async function agentApi() {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'seatdesk' }),
  });
  const { token } = (await login.json()) as { token: string };
  const mutate = async (name: string, args: unknown) => {
    const response = await fetch(`${server.url}/api/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'e2e-agent', mutations: [{ id: randomUUID(), name, args }] }),
    });
    return ((await response.json()) as { results: { status: string; code?: string }[] }).results[0];
  };
  return { token, mutate };
}

// A 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a customer chats through the widget: bot first, 转人工, an agent answers, typing, read ticks and images show live, then a rating', async ({ page }) => {
  await page.goto(`${server.url}/widget?lang=zh&queue=q-account`);
  await expect(page.getByTestId('widget-connection')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('widget-queue')).toHaveValue('q-account');
  await expect(page.getByTestId('widget-send')).toHaveText('发送');

  await page.getByTestId('widget-input').fill('我的账号登录不上了，提示密码错误');
  await page.getByTestId('widget-input').press('Enter');
  const messages = page.getByTestId('widget-message');
  await expect(messages.filter({ hasText: '我的账号登录不上了' })).toHaveAttribute('data-sender', 'customer');
  await expect(page.getByTestId('widget-input')).toHaveValue('');

  // The queue is bot-first: the customer asks for a person.
  await expect(page.getByTestId('widget-human')).toBeVisible();
  await page.getByTestId('widget-human').click();
  await expect(page.getByTestId('widget-status')).toHaveAttribute('data-status', 'queued');

  const conversationId = await page.evaluate(() => localStorage.getItem('seatdesk.widget.conversation.q-account'));
  expect(conversationId).toBeTruthy();
  const agent = await agentApi();
  expect(await agent.mutate('conversations.accept', { conversationId })).toMatchObject({ status: 'applied' });
  await expect(page.getByTestId('widget-status')).toHaveAttribute('data-status', 'assigned');

  // The agent types (a workstation's socket frame) and the widget shows it.
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/ws`, { headers: { authorization: `Bearer ${agent.token}` } });
  await new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ t: 'typing', conversationId, typing: true }));
  await expect(page.getByTestId('widget-typing')).toHaveText('对方正在输入…');

  expect(await agent.mutate('messages.send', { conversationId, text: '您好，我是李小满，请问绑定的手机号还能收到验证码吗？' })).toMatchObject({ status: 'applied' });
  const reply = messages.filter({ hasText: '我是李小满' });
  await expect(reply).toHaveAttribute('data-sender', 'agent');

  // The customer sends a screenshot; it shows as an image fetched with the customer's token.
  await page.getByTestId('widget-file').setInputFiles({ name: '登录报错截图.png', mimeType: 'image/png', buffer: PIXEL });
  const image = page.getByTestId('widget-attachment-image');
  await expect(image).toHaveAttribute('alt', '登录报错截图.png');
  await expect(image).toHaveAttribute('src', /^blob:/);

  // The agent reads up to the screenshot: the customer's messages show 已读.
  const screenshotMessage = messages.filter({ has: image });
  const readUpTo = await screenshotMessage.getAttribute('data-id');
  socket.send(JSON.stringify({ t: 'read', conversationId, messageId: readUpTo }));
  await expect(screenshotMessage.locator('.read')).toHaveText('已读');
  await expect(messages.filter({ hasText: '我的账号登录不上了' }).locator('.read')).toHaveText('已读');
  socket.close();
  await page.screenshot({ path: 'test-results/screenshots/widget-zh-CN.png', fullPage: true });

  // Resolved: the customer rates the chat, and the agent's side receives the rating.
  const before = (await (await fetch(`${server.url}/api/sync/pull?cursor=0&limit=1`, { headers: { authorization: `Bearer ${agent.token}` } })).json()) as { serverSeq: number };
  expect(await agent.mutate('conversations.resolve', { conversationId, category: '账号与登录' })).toMatchObject({ status: 'applied' });
  await expect(page.getByTestId('widget-status')).toHaveAttribute('data-status', 'resolved');
  await expect(page.getByTestId('widget-rating')).toBeVisible();
  await page.getByTestId('widget-rate-5').click();
  await expect(page.getByTestId('widget-rating')).toHaveText(/感谢您的评价/);
  const after = (await (await fetch(`${server.url}/api/sync/pull?cursor=${before.serverSeq}`, { headers: { authorization: `Bearer ${agent.token}` } })).json()) as {
    rows: { entity: string; id: string; data: { csat: number | null } }[];
  };
  expect(after.rows.filter((r) => r.entity === 'conversations' && r.id === conversationId).at(-1)?.data.csat).toBe(5);
});

test('the widget speaks English when asked, and keeps its customer across a reload', async ({ page }) => {
  await page.goto(`${server.url}/widget?lang=en&queue=q-trade`);
  await expect(page).toHaveTitle('Customer service');
  await expect(page.getByTestId('widget-send')).toHaveText('Send');
  await expect(page.getByTestId('widget-connection')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('widget-input').fill('Where is my refund?');
  await page.getByTestId('widget-send').click();
  await expect(page.getByTestId('widget-message').filter({ hasText: 'Where is my refund?' })).toHaveAttribute('data-sender', 'customer');

  await page.reload();
  await expect(page.getByTestId('widget-connection')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('widget-message').filter({ hasText: 'Where is my refund?' })).toBeVisible();
});
