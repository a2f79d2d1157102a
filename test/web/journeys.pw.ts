/**
 * The journeys of issue 11 in a real browser against the real stack (see stack-server.ts). Year 2027: the Sở GDĐT
 * has issued its plan with the schools' deadline 31/01/2027 (a Sunday: the real deadline is Monday 01/02/2027).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { email, expectAccessible, mails, post, shot, signIn } from './support';

const SCHOOL = 'BTH.SGDDT.THPT-CH';
const OTHER_SCHOOL = 'BTH.SGDDT.THPT-PT';
const REASON = 'Đề nghị bổ sung chỉ tiêu số tin, bài đăng trên trang thông tin điện tử của trường';

test.describe.configure({ mode: 'serial' });

let drafter: Page;
let approver: Page;

async function newSignedIn(browser: Browser, who: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/dang-nhap/);
  await signIn(page, who);
  await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();
  return page;
}

test.beforeAll(async () => {
  await post('/scenario/sgddt-plan?year=2027');
});

test('sign-in: clear messages for a wrong password and an expired session; no token in the URL', async ({ page }) => {
  await page.goto('/hop-thu-duyet');
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fhop-thu-duyet/);
  await expectAccessible(page, 'đăng nhập');
  await shot(page, '01-dang-nhap');
  await signIn(page, email('drafter', SCHOOL), 'SaiMatKhau123');
  await expect(page.getByRole('alert')).toContainText('Email hoặc mật khẩu không đúng');
  await signIn(page, email('drafter', SCHOOL));
  await expect(page).toHaveURL(/\/hop-thu-duyet$/);
  expect(page.url()).not.toMatch(/token/i);
  // The refresh token is gone or no longer valid (another device signed out, expired): back to sign-in, told why.
  await page.evaluate(`localStorage.setItem('cchc.refreshToken', '00000000-0000-4000-8000-000000000000.xyz')`);
  await page.reload();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await expect(page.getByText('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.')).toBeVisible();
});

test('the drafter drafts a plan with autosave and submits it', async ({ browser }) => {
  drafter = await newSignedIn(browser, email('drafter', SCHOOL));
  const owed = drafter.getByRole('row', { name: /Kế hoạch năm 2027/ });
  await expect(owed).toContainText('01/02/2027');
  await expect(owed).toContainText(/còn \d+ ngày/);
  await expectAccessible(drafter, 'việc cần làm');
  await owed.getByRole('link', { name: 'Kế hoạch năm 2027' }).click();
  await expect(drafter.getByRole('heading', { name: 'Soạn kế hoạch mới năm 2027' })).toBeVisible();
  await expect(drafter.getByLabel('Căn cứ (kế hoạch cấp trên)')).toHaveValue(/Sở Giáo dục và Đào tạo/);
  await expect(drafter.getByTestId('deadline-shift')).toContainText('31/01/2027 là Chủ nhật → hạn thực tế 01/02/2027');
  await drafter
    .getByLabel('I. Mục đích, yêu cầu')
    .fill('Nâng cao nhận thức của giáo viên, học sinh về cải cách hành chính.');
  await drafter
    .getByLabel('II. Nội dung tuyên truyền')
    .fill('Tuyên truyền các chủ trương, chính sách về cải cách hành chính.');
  await drafter.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await drafter.getByLabel('Chỉ tiêu dòng 1', { exact: true }).fill('trang thông tin điện tử của cơ quan');
  await drafter.keyboard.press('Enter');
  await drafter.getByLabel('Số lượng dòng 1', { exact: true }).fill('2');
  await expect(drafter.getByTestId('save-state')).toContainText('Đã lưu lúc', { timeout: 15_000 });
  await expect(drafter).toHaveURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
  await expectAccessible(drafter, 'soạn kế hoạch');
  await shot(drafter, '03-soan-ke-hoach');
  // What was typed is saved: a reload of the deep link shows it.
  await drafter.reload();
  await expect(drafter.getByLabel('I. Mục đích, yêu cầu')).toHaveValue(/giáo viên, học sinh/);
  await drafter.getByRole('button', { name: 'Trình duyệt' }).click();
  await drafter.getByRole('dialog').getByRole('button', { name: 'Trình duyệt' }).click();
  await expect(drafter.getByText('Đã trình kế hoạch lên lãnh đạo cấp trên')).toBeVisible();
  await expect(drafter.getByText('Đã trình, chờ duyệt').first()).toBeVisible();
});

test("the Sở's approver returns it with a reason", async ({ browser }) => {
  approver = await newSignedIn(browser, email('approver', 'BTH.SGDDT'));
  await approver.getByRole('link', { name: 'Hộp thư duyệt', exact: true }).click();
  const row = approver.getByRole('row', { name: /Trường THPT Cộng Hiền/ });
  await expect(row).toBeVisible();
  await expectAccessible(approver, 'hộp thư duyệt');
  await shot(approver, '04-hop-thu-duyet');
  await row.getByRole('link', { name: 'Kế hoạch năm 2027' }).click();
  await expect(approver.getByText('Đây là lần trình đầu tiên.')).toBeVisible();
  await expectAccessible(approver, 'xem kế hoạch');
  await approver.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = approver.getByRole('dialog');
  await dialog.getByLabel('Lý do trả lại').fill('ngắn');
  await expect(dialog.getByRole('button', { name: 'Trả lại' })).toBeDisabled();
  await dialog.getByLabel('Lý do trả lại').fill(REASON);
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(approver.getByText('Đã trả lại kế hoạch kèm lý do')).toBeVisible();
  await expect(approver).toHaveURL(/\/hop-thu-duyet/);
});

test('the drafter sees the reason, fixes the plan and resubmits', async () => {
  await drafter.goto('/');
  const owed = drafter.getByRole('row', { name: /Kế hoạch năm 2027/ });
  await expect(owed).toContainText(`Lý do trả lại: ${REASON}`);
  await expect(owed).toContainText('Bị trả lại');
  await expectAccessible(drafter, 'việc cần làm (bị trả lại)');
  await shot(drafter, '02-viec-can-lam');
  await expect(drafter.getByRole('button', { name: /Thông báo: \d+ chưa đọc/ })).toBeVisible();
  await drafter.getByRole('button', { name: /Thông báo: \d+ chưa đọc/ }).click();
  await expect(drafter.getByRole('heading', { name: 'Thông báo' })).toBeVisible();
  await expectAccessible(drafter, 'thông báo');
  await shot(drafter, '06-thong-bao');
  const notice = drafter.getByRole('listitem').filter({ hasText: 'bị Sở Giáo dục và Đào tạo trả lại' });
  await notice.getByRole('button', { name: 'Mở hồ sơ' }).click();
  await expect(drafter.getByTestId('return-reason')).toContainText(REASON);
  const content = drafter.getByLabel('II. Nội dung tuyên truyền');
  await content.fill(
    'Tuyên truyền các chủ trương, chính sách về cải cách hành chính trên trang thông tin điện tử của trường.',
  );
  await expect(drafter.getByTestId('save-state')).toContainText('Đã lưu lúc', { timeout: 15_000 });
  await drafter.getByRole('button', { name: 'Trình duyệt' }).click();
  await drafter.getByRole('dialog').getByRole('button', { name: 'Trình duyệt' }).click();
  await expect(drafter.getByText('Đã trình kế hoạch lên lãnh đạo cấp trên')).toBeVisible();
});

test('the approver sees what changed, side by side, and approves', async () => {
  await approver.goto('/hop-thu-duyet');
  await approver
    .getByRole('row', { name: /Trường THPT Cộng Hiền/ })
    .getByRole('link')
    .click();
  await expect(approver.getByText('Những thay đổi so với phiên bản trước')).toBeVisible();
  const change = approver.getByRole('row', { name: /Nội dung tuyên truyền/ });
  await expect(change.locator('ins.diff-add').first()).toBeVisible();
  await expect(change).toContainText('trên trang thông tin điện tử của trường');
  await expectAccessible(approver, 'so sánh phiên bản');
  await shot(approver, '07-so-sanh-phien-ban');
  await approver.getByRole('button', { name: 'Duyệt' }).click();
  await expect(approver.getByText('Đã duyệt kế hoạch')).toBeVisible();
});

test('Nhắc ngay sends an e-mail whose link opens the page after sign-in', async ({ browser }) => {
  await approver.goto('/hop-thu-duyet?tab=theo-doi&nam=2027');
  const row = approver.getByRole('row', { name: /Trường THPT Phan Thiết/ });
  await expect(row).toBeVisible();
  await expectAccessible(approver, 'theo dõi đơn vị cấp dưới');
  await shot(approver, '08-theo-doi-don-vi');
  await row.getByRole('button', { name: 'Nhắc ngay' }).click();
  await expect(approver.getByText('Đã gửi nhắc nhở tới Trường THPT Phan Thiết')).toBeVisible();
  const to = email('drafter', OTHER_SCHOOL);
  let mail: { text: string } | undefined;
  await expect
    .poll(async () => (mail = (await mails()).find((m) => m.to === to && m.key.includes('/manual:'))) !== undefined, {
      timeout: 30_000,
    })
    .toBe(true);
  const link = /https?:\/\/\S+\/nghia-vu\/[0-9a-f-]{36}/.exec(mail!.text)?.[0];
  expect(link).toBeDefined();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fnghia-vu%2F/);
  await signIn(page, to);
  await expect(page.getByRole('heading', { name: 'Soạn kế hoạch mới năm 2027' })).toBeVisible();
});

test('a report with values: beside the target, submitted', async () => {
  await drafter.goto('/');
  const owed = drafter.getByRole('row', { name: /Báo cáo Quý I năm 2027/ });
  await owed.getByRole('link').click();
  await expect(drafter.getByRole('heading', { name: /Báo cáo quý i năm 2027/i })).toBeVisible();
  const web = drafter.getByRole('row', { name: /trang thông tin điện tử của cơ quan/ });
  await expect(web.getByRole('cell').nth(2)).toHaveText('6'); // 2 a month × 3 months of quý I
  await web.getByRole('spinbutton').fill('7');
  await drafter.getByLabel('1. Kết quả đạt được').fill('Đã đăng 7 tin, bài về cải cách hành chính.');
  await expect(drafter.getByTestId('save-state')).toContainText('Đã lưu lúc', { timeout: 15_000 });
  await expectAccessible(drafter, 'báo cáo');
  await shot(drafter, '09-bao-cao');
  await drafter.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await drafter.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(drafter.getByText('Đã gửi báo cáo lên cấp trên')).toBeVisible();
  await expect(drafter.getByText('Đã gửi, chờ chấp nhận')).toBeVisible();
  await expect(web.getByRole('cell').nth(4)).toHaveText('7');
});

test('bulk approve of 20 plans with one confirmation', async ({ browser }) => {
  test.setTimeout(240_000);
  const { approver: who } = await post('/scenario/inbox?n=20&year=2026&parent=BTH.PTH.PGDDT&prefix=TN');
  const page = await newSignedIn(browser, who);
  await page.goto('/hop-thu-duyet');
  await expect(page.getByText('20 hồ sơ chờ duyệt')).toBeVisible();
  await page.getByRole('checkbox', { name: /Chọn tất cả|Select all/ }).check();
  await shot(page, '05-duyet-hang-loat');
  await page.getByRole('button', { name: 'Duyệt các hồ sơ đã chọn (20)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Duyệt 20 hồ sơ' }).click();
  await expect(page.getByText('Đã duyệt 20 hồ sơ')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Không có hồ sơ nào chờ duyệt')).toBeVisible();
});

test('the session renews itself silently before the access token expires', async ({ browser }) => {
  // The stack gives 70-second access tokens (CCHC_WEB_ACCESS_TTL); the app renews a minute early.
  const page = await newSignedIn(browser, email('drafter', SCHOOL));
  const renewed = page.waitForResponse((r) => r.url().endsWith('/auth/refresh') && r.status() === 200, {
    timeout: 30_000,
  });
  await page.waitForTimeout(11_000);
  await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
  await renewed;
  await expect(page.getByRole('heading', { name: 'Thông báo' })).toBeVisible();
  await expect(page).toHaveURL(/\/thong-bao$/);
});
