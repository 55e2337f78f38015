import { expect, type Page } from '@playwright/test';

/**
 * Signs a demo user (password "seatdesk") in to a workstation host against another host's server
 * and waits until its core is online with it: the start of every two-host spec.
 */
export async function signInOnline(page: Page, workstationUrl: string, serverUrl: string, username: string): Promise<void> {
  await page.goto(workstationUrl);
  await page.getByTestId('login-server').fill(serverUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('seatdesk');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
}
