import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { text } from './i18n';

/** Steps the journeys share: signing in and out, reading text, picking options, reading the API. */

/** Console entries of app pages only: API answers the journey provokes on purpose are left out. */
export function noneOnAppPages(entries: { url: string; text: string }[]): string[] {
  return entries
    .filter((e) => !new URL(e.url).pathname.startsWith('/api/'))
    .map((e) => `${e.url}: ${e.text}`);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  await el.waitFor();
  return ((await el.textContent()) ?? '').trim();
}

/** Fills the sign-in form and submits it; the caller waits for what it expects next. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in-submit').click();
}

/** Waits until a sign-in has led into the app: off the sign-in page, the user menu shown. */
export async function signedIn(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('#user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('#user-menu').click();
  await page.locator('#sign-out').click();
  await page.waitForURL('**/sign-in');
  await page.locator('#username').waitFor();
}

/** Picks an option of an open Ant Design select or tree select by its label. */
export async function pickOption(page: Page, kind: 'select' | 'tree', label: string): Promise<void> {
  const selector =
    kind === 'tree' ? '.ant-select-tree-node-content-wrapper:visible' : '.ant-select-item-option:visible';
  await page.locator(selector).filter({ hasText: label }).first().click();
}

/** Opens an entry of the "Đánh giá" menu group in the desktop side bar (the group opens first when closed). */
export async function openEvaluationNav(page: Page, id: string): Promise<void> {
  const entry = page.locator(`.app-sider #${id}`);
  if (!(await entry.isVisible())) {
    await page
      .locator('.app-sider .ant-menu-submenu-title')
      .filter({ hasText: text('vi', 'evaluations.nav.group') })
      .click();
  }
  await entry.click();
}

/** GET an API path with the page's session cookie; fails the test on a non-2xx answer. */
export async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}
