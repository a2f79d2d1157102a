import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'CchcDemo@2024';
export const control = `http://127.0.0.1:${Number(process.env.CCHC_WEB_TEST_PORT ?? 54345) + 1}`;

export const email = (role: string, unitCode: string) =>
  `${role}.${unitCode.toLowerCase().replace(/\./g, '-')}@demo.cchc.vn`;

export async function signIn(page: Page, who: string, password = PASSWORD) {
  if (!page.url().includes('/dang-nhap')) await page.goto('/dang-nhap');
  await page.getByLabel('Email').fill(who);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  // antd's Select dropdowns stay in the DOM after use and close with an animation, so axe may catch one half-closed
  // (its listbox and the highlighted option): they are judged when open, on the pages that open them.
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).exclude('.ant-select-dropdown').analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(bad, `axe on ${what}`).toEqual([]);
}

export async function post(path: string): Promise<any> {
  const res = await fetch(control + path, { method: 'POST' });
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function mails(): Promise<Array<{ to: string; subject: string; text: string; key: string }>> {
  return (await (await fetch(`${control}/mails`)).json()) as Array<{
    to: string;
    subject: string;
    text: string;
    key: string;
  }>;
}

/** `npm run screenshots` (scripts/screenshots.sh) sets CCHC_SCREENSHOTS: the journeys then save the main pages. */
export async function shot(page: Page, name: string) {
  const dir = process.env.CCHC_SCREENSHOTS;
  if (!dir) return;
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.mouse.move(1300, 740); // no tooltip from the last hover
  // let transitions end (the tab ink bar, the charts' first draw; a spinner never does, so no animation wait):
  // a picture for the docs, not a test's wait
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}
