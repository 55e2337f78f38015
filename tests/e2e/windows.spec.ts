import { expect, test } from '@playwright/test';
import { launchHost, type LaunchedHost } from '../support/launchHost';

let host: LaunchedHost;
test.beforeAll(async () => {
  host = await launchHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('a settings window opened from the workstation changes what every window shows', async ({ page, context }) => {
  await page.goto(host.url);
  await page.getByTestId('login-username').fill('agent');
  await page.getByTestId('login-password').fill('seatdesk');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('workstation-frame')).toBeVisible();

  // In browser mode a window kind opens as a tab at the same URL the Electron shell would load.
  const [settings] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-settings').click()]);
  await expect(settings).toHaveURL(/window=settings/);
  await expect(settings.getByTestId('settings-window')).toBeVisible();
  await expect(settings).toHaveTitle(/设置/);

  await settings.getByTestId('settings-font-size').fill('18');
  await settings.getByTestId('settings-theme').click();
  await settings.locator('.ant-select-item-option').filter({ hasText: /深色/ }).click();
  await settings.getByTestId('settings-save').click();

  // The core pushes settings.changed to every window: the workstation follows without a reload.
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('font-size', '18px');
  await page.screenshot({ path: 'test-results/screenshots/workstation-dark.png' });
});
