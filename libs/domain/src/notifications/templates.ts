import type { ReminderKind } from '../reminders/reminder-policy';

/**
 * Vietnamese texts of reminders and overdue digests. Pure: the same inputs give the same text, so a retried
 * delivery sends exactly what the first attempt would have.
 */
export interface Message {
  title: string;
  text: string;
}

export interface ReminderContext {
  kind: ReminderKind;
  /** What is owed: 'plan' (the unit's own plan for the year) or 'report' (with its period label). */
  subject: 'plan' | 'report';
  periodLabel?: string;
  year: number;
  unitName: string;
  parentUnitName: string;
  sourcePlanSymbol: string | null;
  sourcePlanTitle: string;
  /** dd/mm/yyyy, the (shifted) deadline. */
  deadline: string;
  /** Calendar days to the deadline (negative once late). */
  daysLeft: number;
  link: string;
}

const what = (c: Pick<ReminderContext, 'subject' | 'periodLabel' | 'year'>) =>
  c.subject === 'plan'
    ? `xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm ${c.year}`
    : `gửi báo cáo ${periodPhrase(c.periodLabel)}năm ${c.year} về công tác tuyên truyền cải cách hành chính`;

/** "Quý III" → "quý III " (numerals stay upper case), "6 tháng" → "6 tháng "; the year report is "báo cáo năm …". */
const periodPhrase = (label?: string) =>
  !label || label.toLowerCase() === 'năm' ? '' : `${label.charAt(0).toLowerCase()}${label.slice(1)} `;

const source = (c: Pick<ReminderContext, 'sourcePlanSymbol' | 'sourcePlanTitle' | 'parentUnitName'>) =>
  `${c.sourcePlanSymbol ? `Kế hoạch số ${c.sourcePlanSymbol}` : 'kế hoạch'} của ${c.parentUnitName} (${c.sourcePlanTitle})`;

const FOOTER =
  'Đây là thư tự động của hệ thống theo dõi công tác tuyên truyền cải cách hành chính; vui lòng không trả lời thư này.';

export function reminderMessage(c: ReminderContext): Message {
  const task = what(c);
  let title: string;
  let lead: string;
  if (c.kind === 'before') {
    title = `Nhắc hạn: còn ${c.daysLeft} ngày để ${task}`;
    lead = `Thực hiện ${source(c)}, đơn vị cần ${task} chậm nhất ngày ${c.deadline} (còn ${c.daysLeft} ngày).`;
  } else if (c.kind === 'due_today') {
    title = `Hôm nay (${c.deadline}) là hạn cuối ${task}`;
    lead = `Thực hiện ${source(c)}, hôm nay ${c.deadline} là hạn cuối để đơn vị ${task}.`;
  } else {
    const late = Math.abs(c.daysLeft);
    title = `Quá hạn ${late} ngày: đơn vị chưa ${task}`;
    lead = `Thực hiện ${source(c)}, đơn vị phải ${task} chậm nhất ngày ${c.deadline}; đến nay đã quá hạn ${late} ngày. Đề nghị khẩn trương thực hiện.`;
  }
  return {
    title,
    text: `Kính gửi: ${c.unitName}\n\n${lead}\n\nXem chi tiết và thực hiện tại: ${c.link}\n\n${FOOTER}\n`,
  };
}

export interface DigestContext {
  subject: 'plan' | 'report';
  periodLabel?: string;
  year: number;
  parentUnitName: string;
  sourcePlanSymbol: string | null;
  sourcePlanTitle: string;
  /** Units still late, with their deadline (dd/mm/yyyy), days late and status label. */
  lateUnits: Array<{ name: string; deadline: string; daysLate: number; status: string }>;
  link: string;
}

/** One message per parent unit listing all its late children (đôn đốc), never one per child. */
export function overdueDigestMessage(c: DigestContext): Message {
  const n = c.lateUnits.length;
  const title = `Đôn đốc: ${n} đơn vị trực thuộc ${c.parentUnitName} quá hạn ${what(c)}`;
  const lines = c.lateUnits.map(
    (u, i) => `${i + 1}. ${u.name} — hạn ${u.deadline}, quá hạn ${u.daysLate} ngày (${u.status})`,
  );
  const text =
    `Thực hiện ${source(c)}, đến nay còn ${n} đơn vị chưa ${what(c)} đúng hạn:\n\n${lines.join('\n')}\n\n` +
    `Đề nghị lãnh đạo đơn vị đôn đốc các đơn vị trên khẩn trương thực hiện.\nXem chi tiết tại: ${c.link}\n\n${FOOTER}\n`;
  return { title, text };
}

export interface DeadlineChangeContext {
  subject: 'plan' | 'report';
  periodLabel?: string;
  year: number;
  unitName: string;
  parentUnitName: string;
  sourcePlanSymbol: string | null;
  sourcePlanTitle: string;
  /** dd/mm/yyyy, the effective deadline before and after. */
  previous: string;
  deadline: string;
  /** 'calendar': the working calendar changed (e.g. the announced Tết break); 'extension': the parent extended it. */
  cause: 'extension' | 'calendar';
  link: string;
}

/** Tells the obliged unit its (effective) deadline moved. */
export function deadlineChangedMessage(c: DeadlineChangeContext): Message {
  const why =
    c.cause === 'calendar'
      ? 'do lịch nghỉ lễ, Tết và ngày làm việc được điều chỉnh theo thông báo chính thức'
      : `do ${c.parentUnitName} gia hạn`;
  return {
    title: `Thay đổi hạn ${what(c)}: từ ${c.previous} sang ${c.deadline}`,
    text:
      `Kính gửi: ${c.unitName}\n\nThực hiện ${source(c)}, hạn để đơn vị ${what(c)} được chuyển từ ngày ${c.previous} ` +
      `sang ngày ${c.deadline} ${why}.\n\nXem chi tiết tại: ${c.link}\n\n${FOOTER}\n`,
  };
}

export interface DecisionContext {
  decision: 'approve' | 'return';
  subject: 'plan' | 'report';
  periodLabel?: string;
  year: number;
  unitName: string;
  parentUnitName: string;
  reason?: string | null;
  link: string;
}

/** Tells the drafting unit that its plan or report was approved, or returned with the approver's reason. */
export function decisionMessage(c: DecisionContext): Message {
  const item =
    c.subject === 'plan'
      ? `Kế hoạch tuyên truyền cải cách hành chính năm ${c.year}`
      : `Báo cáo ${c.periodLabel && c.periodLabel !== 'Năm' ? `${c.periodLabel} ` : ''}năm ${c.year}`;
  const title =
    c.decision === 'approve' ? `${item} đã được ${c.parentUnitName} duyệt` : `${item} bị ${c.parentUnitName} trả lại`;
  const lead =
    c.decision === 'approve'
      ? `${item} của đơn vị đã được ${c.parentUnitName} phê duyệt.`
      : `${item} của đơn vị đã bị ${c.parentUnitName} trả lại với lý do:\n${c.reason ?? ''}\n\nĐề nghị đơn vị chỉnh sửa và trình lại.`;
  return { title, text: `Kính gửi: ${c.unitName}\n\n${lead}\n\nXem chi tiết tại: ${c.link}\n\n${FOOTER}\n` };
}
