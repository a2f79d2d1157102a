import type { ValidationError } from '@nestjs/common';

/**
 * Vietnamese messages for field validation. class-validator writes English defaults ("reason must be longer than
 * or equal to 10 characters"); users see "Lý do trả lại phải có ít nhất 10 ký tự". The field keeps its English
 * name in `details.fields` (for programs); the message names it in Vietnamese.
 */

/** Field labels, by `DtoClass.property` first (when one name means different things), then by property. */
const FIELD_LABELS: Record<string, string> = {
  'ReturnPlanDto.reason': 'Lý do trả lại',
  'ReturnReportDto.reason': 'Lý do trả lại',
  'ExtendDeadlineDto.reason': 'Lý do gia hạn',
  'ExtendDeadlineDto.deadline': 'Hạn mới',
  abbreviation: 'Tên viết tắt',
  action: 'Loại thao tác',
  activeFrom: 'Ngày bắt đầu hoạt động',
  activeFromYear: 'Năm bắt đầu áp dụng',
  activeToYear: 'Năm kết thúc áp dụng',
  after: 'Con trỏ trang',
  aggregation: 'Cách tổng hợp',
  asOf: 'Ngày xem',
  category: 'Nhóm chỉ tiêu',
  channels: 'Kênh nhận thông báo',
  childDeadline: 'Hạn ban hành kế hoạch của cấp dưới',
  code: 'Mã',
  confirmed: 'Xác nhận',
  currentPassword: 'Mật khẩu hiện tại',
  date: 'Ngày',
  days: 'Số ngày',
  deadline: 'Hạn',
  dryRun: 'Chạy thử',
  effectiveDate: 'Ngày hiệu lực',
  email: 'Thư điện tử',
  entityId: 'Mã đối tượng',
  entityType: 'Loại đối tượng',
  from: 'Từ',
  fullName: 'Họ và tên',
  holidays: 'Ngày nghỉ lễ',
  id: 'Mã định danh',
  indicatorCode: 'Mã chỉ tiêu',
  intoNew: 'Đơn vị mới sau hợp nhất',
  isReviewingOffice: 'Cơ quan theo dõi, tổng hợp',
  issueDate: 'Ngày ban hành',
  issuePlace: 'Nơi ban hành',
  kind: 'Loại',
  limit: 'Số dòng mỗi trang',
  name: 'Tên',
  narrative: 'Nội dung báo cáo',
  newPassword: 'Mật khẩu mới',
  nominal: 'Hạn danh nghĩa',
  number: 'Số văn bản',
  obligationId: 'Kỳ báo cáo',
  parentId: 'Đơn vị cấp trên',
  parentPlanRef: 'Kế hoạch cấp trên',
  password: 'Mật khẩu',
  period: 'Kỳ báo cáo',
  q: 'Từ khóa tìm kiếm',
  reason: 'Lý do',
  recipients: 'Nơi nhận',
  refreshToken: 'Mã làm mới phiên',
  reminderPolicy: 'Lịch nhắc việc',
  reportSchedule: 'Lịch báo cáo',
  roles: 'Vai trò',
  scope: 'Phạm vi',
  sections: 'Các phần của kế hoạch',
  signer: 'Người ký',
  signingForm: 'Hình thức ký',
  status: 'Trạng thái',
  symbol: 'Ký hiệu',
  targets: 'Chỉ tiêu',
  title: 'Tên kế hoạch',
  to: 'Đến',
  unitId: 'Đơn vị',
  unitIds: 'Danh sách đơn vị',
  unitKinds: 'Loại đơn vị',
  unitOfMeasure: 'Đơn vị tính',
  validFrom: 'Ngày hiệu lực',
  value: 'Giá trị',
  valueType: 'Kiểu giá trị',
  values: 'Giá trị chỉ tiêu',
  workingWeekends: 'Ngày làm bù',
  year: 'Năm',
};

export function fieldLabel(target: string | undefined, property: string): string {
  return (target && FIELD_LABELS[`${target}.${property}`]) ?? FIELD_LABELS[property] ?? `Trường "${property}"`;
}

/** The number(s) or list in class-validator's English default message, e.g. "… or equal to 10 characters". */
const firstNumber = (msg: string) => msg.match(/(-?\d+(?:\.\d+)?)/)?.[1] ?? '';
const afterColon = (msg: string) => msg.split(':').slice(1).join(':').trim();

const TEMPLATES: Record<string, (label: string, english: string) => string> = {
  isDefined: (l) => `${l} là bắt buộc`,
  isNotEmpty: (l) => `${l} không được để trống`,
  isString: (l) => `${l} phải là chuỗi ký tự`,
  isInt: (l) => `${l} phải là số nguyên`,
  isNumber: (l) => `${l} phải là số`,
  isBoolean: (l) => `${l} phải là đúng hoặc sai (true/false)`,
  isArray: (l) => `${l} phải là một danh sách`,
  isObject: (l) => `${l} phải là một đối tượng`,
  isEmail: (l) => `${l} phải là địa chỉ thư điện tử hợp lệ`,
  isUuid: (l) => `${l} phải là mã định danh (UUID) hợp lệ`,
  isEnum: (l, e) => `${l} phải là một trong các giá trị: ${afterColon(e)}`,
  isIn: (l, e) => `${l} phải là một trong các giá trị: ${afterColon(e)}`,
  minLength: (l, e) => `${l} phải có ít nhất ${firstNumber(e)} ký tự`,
  maxLength: (l, e) => `${l} không được dài quá ${firstNumber(e)} ký tự`,
  min: (l, e) => `${l} không được nhỏ hơn ${firstNumber(e)}`,
  max: (l, e) => `${l} không được lớn hơn ${firstNumber(e)}`,
  arrayMinSize: (l, e) => `${l} phải có ít nhất ${firstNumber(e)} phần tử`,
  arrayMaxSize: (l, e) => `${l} không được có quá ${firstNumber(e)} phần tử`,
  arrayNotEmpty: (l) => `${l} không được để trống`,
  arrayUnique: (l) => `${l} không được có phần tử trùng nhau`,
  matches: (l) => `${l} không đúng định dạng`,
  isDateString: (l) => `${l} phải là ngày giờ hợp lệ (ISO 8601)`,
  isLocalDate: (l) => `${l} phải là ngày hợp lệ dạng YYYY-MM-DD`,
  whitelistValidation: (l) => `${l} không được phép gửi lên`,
  nestedValidation: (l) => `${l} không hợp lệ`,
};

/** True when a message is already written for users (custom messages in the DTOs are Vietnamese). */
const isVietnamese = (msg: string) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/i.test(msg);

/** One Vietnamese message per failed constraint of one field. */
export function vietnameseMessages(error: ValidationError): string[] {
  const target = error.target?.constructor?.name;
  const label = fieldLabel(target, error.property);
  return Object.entries(error.constraints ?? {}).map(([constraint, english]) => {
    if (isVietnamese(english)) return english;
    const template = TEMPLATES[constraint];
    return template ? template(label, english) : `${label} không hợp lệ`;
  });
}
