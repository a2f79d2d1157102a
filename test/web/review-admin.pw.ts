/**
 * The journeys of issue 12 in a real browser against the real stack: the reviewing office's dashboard (late and
 * missing units of a prepared province, drill-down to a school, Đôn đốc), the administrator's unit tree (move from
 * 01/07 and its history) and the unit import (three bad rows shown, nothing changed), the audit log.
 * Year 2025 is in the past on the test clock, so every deadline of the prepared province is over.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_UNITS } from '../../libs/persistence/src/seed/demo-units';
import { email, expectAccessible, mails, post, shot, signIn } from './support';

const YEAR = 2025;
const unitName = (code: string) => DEMO_UNITS.find((u) => u.code === code)!.name;

test.describe.configure({ mode: 'serial' });

let prepared: { submitted: string[]; returnedSchool: string; reason: string };

test.beforeAll(async () => {
  prepared = await post(`/scenario/review-province?year=${YEAR}`);
});

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function signedIn(page: Page, who: string, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/dang-nhap\?next=/);
  await signIn(page, who);
  await expect(page).toHaveURL(new RegExp(path.replace(/[?]/g, '\\?')));
}

test('the reviewer sees exactly the late and missing units, drills down to a school and sends Đôn đốc', async ({
  page,
}) => {
  // What the test itself knows: every direct child of the province and of the Sở GDĐT owes a plan for the year
  // (both plans were issued); those listed in `submitted` handed theirs in after the deadline, the rest never did.
  const owing = DEMO_UNITS.filter((u) => u.parentCode === 'BTH' || u.parentCode === 'BTH.SGDDT').map((u) => u.code);
  const late = owing.filter((c) => prepared.submitted.includes(c));
  const missing = owing.filter((c) => !prepared.submitted.includes(c));
  expect(late).toHaveLength(5);

  await signedIn(page, email('reviewer', 'BTH.SNV'), `/tong-quan?nam=${YEAR}`);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByTestId('matrix-count')).toHaveText(`${owing.length} / ${owing.length} đơn vị`);
  await expectAccessible(page, 'tổng quan');
  await shot(page, '10-tong-quan');

  // the matrix: searched without accents, filtered by state
  await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('cong hien');
  await expect(page.getByTestId('matrix-count')).toHaveText(`1 / ${owing.length} đơn vị`);
  await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('');
  await pick(page, 'Lọc theo tình trạng', 'Trễ hạn');
  await pick(page, 'Tình trạng ở cột', 'Kế hoạch');
  await expect(page.getByTestId('matrix-count')).toHaveText(`${late.length} / ${owing.length} đơn vị`);
  await pick(page, 'Lọc theo tình trạng', 'Chưa nộp (quá hạn)');
  await expect(page.getByTestId('matrix-count')).toHaveText(`${missing.length} / ${owing.length} đơn vị`);

  // late and missing: exactly the units the test expects
  await page.getByRole('tab', { name: 'Chậm và thiếu' }).click();
  await pick(page, 'Nghĩa vụ', 'Kế hoạch');
  await expect(page.getByTestId('late-summary')).toHaveText(
    `${late.length} đơn vị nộp trễ hạn, ${missing.length} đơn vị chưa nộp (quá hạn)`,
  );
  const rows = page.getByTestId('late-list').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(owing.length);
  const listed = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({ code: tr.children[1].textContent!.trim(), state: tr.children[3].textContent!.trim() })),
  );
  expect(
    listed
      .filter((r) => r.state === 'Trễ hạn')
      .map((r) => r.code)
      .sort(),
  ).toEqual([...late].sort());
  expect(
    listed
      .filter((r) => r.state === 'Chưa nộp (quá hạn)')
      .map((r) => r.code)
      .sort(),
  ).toEqual([...missing].sort());
  await expectAccessible(page, 'chậm và thiếu');
  await shot(page, '11-cham-va-thieu');

  // Đôn đốc two missing schools: each school and the Sở GDĐT (its parent) get it, the province does not
  const urged = ['BTH.SGDDT.THPT-PT', 'BTH.SGDDT.THPT-CTHD'];
  for (const code of urged) await page.getByLabel(`Chọn ${unitName(code)}`).check();
  await page.getByRole('button', { name: 'Đôn đốc 2 đơn vị đã chọn' }).click();
  await page.getByRole('button', { name: 'Gửi đôn đốc' }).click();
  await expect(page.getByText('Đã gửi đôn đốc tới 2 đơn vị')).toBeVisible();
  const urgeMails = async () => (await mails()).filter((m) => m.key.includes('/urge:'));
  // the unit's people are mailed first, the parent's after them (one delivery run): wait for the last ones
  await expect
    .poll(async () => (await urgeMails()).some((m) => m.to === email('approver', 'BTH.SGDDT')), { timeout: 30_000 })
    .toBe(true);
  const to = new Set((await urgeMails()).map((m) => m.to));
  for (const code of urged) expect(to).toContain(email('drafter', code));
  expect(to).toContain(email('approver', 'BTH.SGDDT'));
  expect(to).not.toContain(email('approver', 'BTH'));
  expect(to).not.toContain(email('drafter', 'BTH.SGDDT.THPT-PBC'));

  // drill down to the school whose plan was returned: its plan's history with the versions and the reason
  await page.reload(); // the matrix's filters start afresh
  await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('cong hien');
  await page.getByTestId('review-matrix').getByText(unitName(prepared.returnedSchool)).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('drill-plan')).toContainText('Trả lại');
  await expect(drawer.getByTestId('drill-plan')).toContainText(`Lý do: ${prepared.reason}`);
  await expect(drawer.getByTestId('drill-plan')).toContainText('phiên bản 2');
  await expectAccessible(page, 'chi tiết đơn vị');
  await shot(page, '12-chi-tiet-don-vi');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Biểu đồ' }).click();
  await expect(page.getByRole('img', { name: /Đã ban hành 5 trên/ })).toBeVisible();
  await shot(page, '13-bieu-do');
});

test('an admin moves a school to another parent from 01/07; the history shows both parents', async ({ page }) => {
  const school = 'BTH.SGDDT.GDNN-GDTX';
  const nextYear = new Date().getFullYear() + 1;
  await signedIn(page, email('admin', 'BTH'), '/quan-tri/don-vi');
  await page.getByLabel('Tìm trong cây đơn vị').fill('giao duc nghe nghiep');
  await page.getByRole('tree').getByText(unitName(school), { exact: false }).click();
  await page.getByRole('button', { name: 'Chuyển đơn vị cấp trên' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Đơn vị cấp trên mới').fill('ham thuan bac');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Ủy ban nhân dân huyện Hàm Thuận Bắc' })
    .click();
  await dialog.getByPlaceholder('dd/mm/yyyy').fill(`01/07/${nextYear}`);
  await dialog.getByPlaceholder('dd/mm/yyyy').press('Enter');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu')).toBeVisible();
  const history = page.getByTestId('unit-history');
  await expect(history).toContainText(`Trực thuộc Sở Giáo dục và Đào tạo từ`);
  await expect(history).toContainText(`đến hết 30/06/${nextYear}`);
  await expect(history).toContainText(`Trực thuộc Ủy ban nhân dân huyện Hàm Thuận Bắc từ 01/07/${nextYear} đến nay`);
  await expectAccessible(page, 'cây đơn vị');
  await shot(page, '14-quan-tri-don-vi');
});

test('an import with three bad rows shows those three rows and changes nothing', async ({ page }) => {
  const csv = [
    'Mã,Tên,Tên viết tắt,Loại,Mã đơn vị cấp trên,Thư điện tử',
    'BTH.SGDDT.THPT-NK,Trường THPT thử nghiệm Nguyễn Khuyến,THPTNK,school,BTH.SGDDT,',
    'BTH.SGDDT.THPT-X1,Trường THPT thử nghiệm số 1,X1,khong-ro-loai,BTH.SGDDT,',
    'BTH.SGDDT.THPT-LQD,Trường THPT thử nghiệm Lê Quý Đôn,THPTLQD,school,BTH.SGDDT,',
    'BTH.SGDDT.THPT-X2,Trường THPT thử nghiệm số 2,X2,school,BTH.KHONG-TON-TAI,',
    'BTH.SGDDT.THPT-X3,Trường THPT thử nghiệm số 3,X3,school,BTH.SGDDT,khong-phai-email',
  ].join('\n');
  await signedIn(page, email('admin', 'BTH'), '/quan-tri/nhap-tep');
  await page.getByLabel('Chọn tệp CSV hoặc Excel').setInputFiles({
    name: 'don-vi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
  await expect(page.getByRole('alert')).toContainText('Tệp có 3 dòng không hợp lệ');
  const bad = page.getByTestId('import-rows').locator('tr[data-bad="true"]');
  await expect(bad).toHaveCount(3);
  const badRows = await bad.evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent!.trim()));
  expect(badRows).toEqual(['3', '5', '6']);
  await expect(page.getByRole('button', { name: 'Nhập', exact: true })).toBeDisabled();
  await expectAccessible(page, 'nhập từ tệp');
  await shot(page, '15-nhap-tu-tep');
  // nothing changed: the good rows' units do not exist either
  await page.goto('/quan-tri/don-vi');
  await page.getByLabel('Tìm trong cây đơn vị').fill('thu nghiem');
  await expect(page.getByRole('tree').getByText('Trường THPT thử nghiệm')).toHaveCount(0);
});

test('the admin pages: users, calendar, indicators, reminders, audit log', async ({ page }) => {
  await signedIn(page, email('admin', 'BTH'), '/quan-tri/nguoi-dung');
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await shot(page, '16-nguoi-dung');
  await page.getByLabel('Tìm người dùng').fill(email('drafter', 'BTH.SGDDT'));
  await page.getByLabel('Tìm người dùng').press('Enter');
  await expect(page.getByRole('cell', { name: email('drafter', 'BTH.SGDDT') })).toBeVisible();
  await expectAccessible(page, 'người dùng');
  await page.getByRole('tab', { name: 'Lịch nghỉ, làm bù' }).click();
  await expect(page.getByText(/Ngày nghỉ lễ, Tết \(\d+\)/)).toBeVisible();
  await expectAccessible(page, 'lịch nghỉ');
  await shot(page, '17-lich-nghi');
  await page.getByRole('tab', { name: 'Danh mục chỉ tiêu' }).click();
  await expect(page.getByRole('cell', { name: 'WEB_NEWS', exact: true })).toBeVisible();
  await expectAccessible(page, 'chỉ tiêu');
  await page.getByRole('tab', { name: 'Lịch nhắc việc' }).click();
  await expect(page.getByText('Nhắc trước hạn')).toBeVisible();
  await page.goto('/nhat-ky');
  await expect(page.getByRole('heading', { name: 'Nhật ký' })).toBeVisible();
  await pick(page, 'Lọc theo loại thao tác', 'Đơn vị');
  await expect(page.getByRole('cell', { name: 'Chuyển đơn vị cấp trên' }).first()).toBeVisible();
  await expectAccessible(page, 'nhật ký');
  await shot(page, '18-nhat-ky');
});
