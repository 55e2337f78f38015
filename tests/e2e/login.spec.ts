import { expect, test } from '@playwright/test';
import { launchHost, type LaunchedHost } from '../support/launchHost';

let host: LaunchedHost;
test.beforeAll(async () => {
  host = await launchHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('the demo agent signs in, sees the workstation in Chinese and switches to English', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('login-server')).toHaveValue(host.serverUrl.replace(/\/$/, ''));

  await page.getByTestId('login-username').fill('agent');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');

  await page.getByTestId('login-password').fill('seatdesk');
  await page.getByTestId('login-password').press('Enter');
  const frame = page.getByTestId('workstation-frame');
  await expect(frame).toBeVisible();
  await expect(page.getByTestId('user-name')).toContainText('李小满');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('empty-conversations')).toContainText('暂无');
  await expect(page).toHaveTitle(/工作台/);
  await page.screenshot({ path: 'test-results/screenshots/workstation-zh-CN.png', fullPage: true });

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('empty-conversations')).not.toContainText('暂无');
  await expect(page).toHaveTitle(/Workstation/);
  await page.screenshot({ path: 'test-results/screenshots/workstation-en.png', fullPage: true });

  // The language is a core setting: a reload (or any other window) comes back in English.
  await page.reload();
  await expect(page.getByTestId('workstation-frame')).toBeVisible();
  await expect(page).toHaveTitle(/Workstation/);
});

test('signing out returns to the login screen and forgets the session', async ({ page }) => {
  await page.goto(host.url);
  if (await page.getByTestId('login-form').isVisible()) {
    await page.getByTestId('login-username').fill('agent');
    await page.getByTestId('login-password').fill('seatdesk');
    await page.getByTestId('login-submit').click();
  }
  await expect(page.getByTestId('workstation-frame')).toBeVisible();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('login-form')).toBeVisible();
});
