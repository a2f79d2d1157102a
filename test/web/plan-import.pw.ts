/**
 * Issue 14 in a real browser: a drafter of UBND tỉnh Bình Thuận imports seed 001 (the province's 2024 propaganda
 * plan) as a Word file built here, reviews it side by side (the deadline and a target, each with its sentence),
 * corrects the deadline and quý I's report due day and fills the place of issue, confirms, and lands on the draft
 * plan with those values.
 * Refused files (a picture, a broken .docx, a reviewer's upload) show the Vietnamese reason and create nothing.
 *
 * The expected values are read by hand from /work/shared/seeds/001_581e4daf63d91ab6.txt: "Thời gian hoàn thành xây
 * dựng kế hoạch: Chậm nhất là ngày 31/01/2024", "đảm bảo đăng tải ít nhất bình quân 05 tin, bài/tháng … trên trang
 * thông tin điện tử", "Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của Ủy ban nhân dân tỉnh", the title line
 * "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh" under "KẾ HOẠCH", Nơi nhận from
 * "Bộ Nội vụ" to "Lưu: VT, SNV, NCKSTTHC" (15 lines, without their dashes and semicolons); it prints no "Số: …" line and no "…, ngày … tháng … năm …" line.
 */
import { readFileSync } from 'fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { expect, test, type Page } from '@playwright/test';
import { SEED_001_RECIPIENTS } from '../support/plan-import-expectations';
import { Http } from './scenarios';
import { email, expectAccessible, PASSWORD, shot, signIn } from './support';

const SEED = readFileSync('/work/shared/seeds/001_581e4daf63d91ab6.txt', 'utf8');
const DRAFTER = email('drafter', 'BTH');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A .docx as a user's Word file would be: one paragraph a line. */
async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

test.describe.configure({ mode: 'serial' });

let http: Http;
let unitId: string;
const plans2024 = async (): Promise<Array<{ id: string; status: string }>> =>
  http.as(DRAFTER, 'GET', `/plans?year=2024&unitId=${unitId}`);

test.beforeAll(async () => {
  http = new Http(`http://127.0.0.1:${Number(process.env.CCHC_WEB_TEST_PORT ?? 54345)}`);
  await http.login(DRAFTER, PASSWORD);
  unitId = (await http.as(DRAFTER, 'GET', '/auth/me')).unitId;
  expect(await plans2024()).toEqual([]);
});

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Chọn tệp kế hoạch').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByTestId('chosen-file')).toContainText(name);
}

test('refused files: the Vietnamese reason, nothing created', async ({ page }) => {
  await page.goto('/ke-hoach/nhap-tu-van-ban');
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fke-hoach%2Fnhap-tu-van-ban/);
  await signIn(page, DRAFTER);
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' })).toBeVisible();
  const send = page.getByRole('button', { name: 'Tải lên và đọc văn bản' });

  // checked in the browser: a picture is not sent
  await choose(page, 'anh-chup.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await expect(page.getByTestId('upload-error')).toContainText('Không hỗ trợ loại tệp của “anh-chup.png”');
  await expect(send).toBeDisabled();

  // a Word file cut short (a broken download): the server refuses it, the page says why
  const good = await docxOf(SEED);
  await choose(page, 'ke-hoach-hong.docx', DOCX, good.subarray(0, good.length - 200));
  await expect(page.getByTestId('upload-error')).toHaveCount(0);
  await send.click();
  await expect(page.getByTestId('upload-error')).toContainText('Không đọc được tệp Word');
  await expect(page).toHaveURL(/\/ke-hoach\/nhap-tu-van-ban$/);
  await expectAccessible(page, 'nhập kế hoạch (tệp hỏng)');

  // plain text named .docx
  await choose(page, 'ke-hoach.docx', DOCX, Buffer.from(SEED));
  await send.click();
  await expect(page.getByTestId('upload-error')).toContainText('không phải tệp Word (.docx) thật');
  expect(await plans2024()).toEqual([]);
});

test('a reviewer may not draft: the API’s 403 message is shown', async ({ page }) => {
  await page.goto('/ke-hoach/nhap-tu-van-ban');
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fke-hoach%2Fnhap-tu-van-ban/);
  await signIn(page, email('reviewer', 'BTH.SNV'));
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' })).toBeVisible();
  await choose(page, 'ke-hoach.txt', 'text/plain', Buffer.from(SEED));
  await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
  await expect(page.getByTestId('upload-error')).toContainText('Bạn không có quyền');
  expect(await plans2024()).toEqual([]);
});

test('the drafter uploads the plan, reviews it side by side, corrects it and confirms a draft', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/dang-nhap/);
  await signIn(page, DRAFTER);
  await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' })).toBeVisible();
  await expectAccessible(page, 'nhập kế hoạch');
  await choose(page, 'ke-hoach-tuyen-truyen-cchc-2024.docx', DOCX, await docxOf(SEED));
  await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/nhap-tu-van-ban\/[0-9a-f-]{36}$/);
  const importId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: /đối chiếu và xác nhận/ })).toBeVisible();

  // left and found again: the upload page lists the import until it is confirmed
  await page.getByRole('button', { name: 'Tải lên tệp khác' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' })).toBeVisible();
  await expect(page.getByTestId('pending-imports')).toBeVisible();
  await expectAccessible(page, 'văn bản chưa xác nhận');
  await page.getByTestId('pending-imports').getByRole('link', { name: 'ke-hoach-tuyen-truyen-cchc-2024.docx' }).click();
  await expect(page).toHaveURL(new RegExp(`/ke-hoach/nhap-tu-van-ban/${importId}$`));
  await expect(page.getByRole('heading', { name: /đối chiếu và xác nhận/ })).toBeVisible();

  // nothing issued: the plan exists as a draft only
  const [draft] = await plans2024();
  expect(draft).toMatchObject({ status: 'draft' });

  // what the document does not say
  const notFound = page.getByTestId('not-found');
  await expect(notFound).toContainText('Không tìm thấy trong văn bản:');
  for (const f of ['Số văn bản', 'Nơi ban hành', 'Ngày ban hành']) await expect(notFound).toContainText(f);
  await expect(page.getByTestId('field-parentPlan')).toContainText('Kế hoạch số 4912/KH-UBND ngày 15/12/2023');
  await expect(page.getByTestId('parent-match')).toHaveText('Chưa khớp với kế hoạch nào trong hệ thống');
  await expect(page.getByLabel('Trích yếu', { exact: true })).toHaveValue(
    'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh',
  );

  // the deadline, and its sentence emphasised in the text
  const deadline = page.getByTestId('field-childDeadline');
  await expect(deadline.getByLabel('Hạn đơn vị cấp dưới ban hành kế hoạch', { exact: true })).toHaveValue('31/01/2024');
  await deadline.getByRole('button', { name: /Xem câu gốc/ }).click();
  const activeText = page.getByTestId('import-text').locator('mark[data-active]');
  await expect(activeText.first()).toBeInViewport();
  expect((await activeText.allTextContents()).join('')).toContain(
    'Thời gian hoàn thành xây dựng kế hoạch: **Chậm nhất là ngày 31/01/2024.',
  );
  await expect(activeText.locator('b')).toContainText('31/01/2024');
  await expectAccessible(page, 'đối chiếu văn bản');
  await shot(page, '19-nhap-ke-hoach');

  // the first target: 05 tin, bài a month on the unit's website, with its sentence
  const target = page.getByTestId('field-target-0');
  await expect(target.getByLabel('Số lượng chỉ tiêu 1')).toHaveValue('5');
  await expect(target).toContainText('trang thông tin điện tử');
  await expect(target).toContainText('mỗi tháng');
  await target.getByRole('button', { name: /Xem câu gốc/ }).click();
  await expect(activeText.first()).toBeInViewport();
  expect((await activeText.allTextContents()).join('')).toContain(
    'đảm bảo đăng tải ít nhất bình quân 05 tin, bài/tháng (tương đương ít nhất 60 tin, bài/năm)',
  );

  // a highlight in the text selects its field (here with the keyboard)
  const deadlineMark = page.getByRole('button', { name: /^Câu gốc của: Hạn đơn vị cấp dưới/ });
  await deadlineMark.focus();
  await page.keyboard.press('Enter');
  await expect(deadline).toHaveClass(/import-field-active/);
  await expect(deadline).toBeFocused();

  // corrections: a later deadline, and the place of issue the text does not give
  const deadlineInput = deadline.getByLabel('Hạn đơn vị cấp dưới ban hành kế hoạch', { exact: true });
  await deadlineInput.click();
  await deadlineInput.fill('05/02/2024');
  await deadlineInput.press('Enter');
  await expect(deadlineInput).toHaveValue('05/02/2024');
  await page.getByLabel('Nơi ban hành', { exact: true }).fill('Bình Thuận');
  // the text names no report schedule: the documented default (quý I before 10/3 …), quý I moved to 15/3
  await expect(page.getByLabel('Ngày hạn báo cáo Quý I', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Tháng hạn báo cáo Quý I', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Ngày hạn báo cáo Năm', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Tháng hạn báo cáo Năm', { exact: true })).toHaveValue('12');
  await page.getByLabel('Ngày hạn báo cáo Quý I', { exact: true }).fill('15');

  await page.getByRole('button', { name: 'Xác nhận, tạo bản nháp' }).click();
  await expect(page.getByText('Đã tạo bản nháp kế hoạch từ văn bản')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/ke-hoach/${draft.id}$`));
  await expect(page.getByRole('heading', { name: 'Soạn kế hoạch năm 2024' })).toBeVisible();
  await expect(page.getByText('Đang soạn thảo').first()).toBeVisible();
  await expect(page.getByLabel('Hạn đơn vị cấp dưới ban hành kế hoạch')).toHaveValue('05/02/2024');
  await expect(page.getByLabel('Nơi ban hành')).toHaveValue('Bình Thuận');
  await expect(page.getByLabel('Trích yếu (tên kế hoạch)')).toHaveValue(
    'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh',
  );
  await expect(page.getByLabel('Căn cứ (kế hoạch cấp trên)')).toHaveValue(
    /Kế hoạch số 4912\/KH-UBND ngày 15\/12\/2023/,
  );
  await expect(page.getByLabel('Số lượng dòng 1', { exact: true })).toHaveValue('5');
  await expect(page.getByRole('row', { name: /^Quý I\s/ })).toContainText('15/03/2024');
  await expect(page.getByRole('row', { name: /^6 tháng/ })).toContainText('10/06/2024');
  await expect(page.getByLabel('Nơi nhận (mỗi dòng một nơi)')).toHaveValue(SEED_001_RECIPIENTS.join('\n'));

  // still a draft, the import confirmed; a second confirmation is refused
  expect(await plans2024()).toEqual([expect.objectContaining({ id: draft.id, status: 'draft' })]);
  expect((await http.as(DRAFTER, 'GET', `/plan-imports/${importId}`)).status).toBe('confirmed');
  await page.goto(`/ke-hoach/nhap-tu-van-ban/${importId}`);
  await expect(page.getByText(/Văn bản đã được xác nhận lúc/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở kế hoạch' })).toBeVisible();
});
