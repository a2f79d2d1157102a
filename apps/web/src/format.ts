import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

export const TZ = 'Asia/Ho_Chi_Minh';
export { dayjs };

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function ddmmyyyy(d: string | null | undefined): string {
  if (!d) return '—';
  const [y, m, day] = d.slice(0, 10).split('-');
  return `${day}/${m}/${y}`;
}

/** An instant shown in Vietnam time: dd/mm/yyyy HH:mm. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(TZ).format('DD/MM/YYYY HH:mm');
}

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** 1234.5 → "1.234,5". */
export function num(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '—' : nf.format(n);
}

export function daysText(daysLeft: number | null | undefined): string {
  if (daysLeft == null) return '';
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'hạn cuối hôm nay';
  return `quá hạn ${-daysLeft} ngày`;
}

export const PERIOD_LABELS: Record<string, string> = { Q1: 'Quý I', H1: '6 tháng', Q3: 'Quý III', YEAR: 'Năm' };
export const STATUS_COLORS: Record<string, string> = {
  pending: 'default',
  draft: 'processing',
  submitted: 'gold',
  returned: 'red',
  approved: 'green',
  issued: 'green',
  issuing: 'cyan',
};
export const PLAN_STATUS_LABELS: Record<string, string> = {
  draft: 'Đang soạn thảo',
  submitted: 'Đã trình, chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
  issued: 'Đã ban hành',
  issuing: 'Đang ban hành',
};
