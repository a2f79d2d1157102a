/** Units (đơn vị) and people's roles: the vocabulary shared by every layer. */
export const UNIT_KINDS = [
  'province',
  'department',
  'district',
  'commune',
  'office',
  'school',
  'centre',
  'media',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const isUnitKind = (v: string): v is UnitKind => (UNIT_KINDS as readonly string[]).includes(v);

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: 'Tỉnh/Thành phố',
  department: 'Sở, ban, ngành',
  district: 'Huyện/Thị xã/Thành phố thuộc tỉnh',
  commune: 'Xã/Phường/Thị trấn',
  office: 'Phòng/Văn phòng',
  school: 'Trường học',
  centre: 'Trung tâm',
  media: 'Cơ quan báo chí',
  other: 'Khác',
};

export const ROLES = ['drafter', 'approver', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

export const ROLE_LABELS: Record<Role, string> = {
  drafter: 'Chuyên viên',
  approver: 'Lãnh đạo',
  reviewer: 'Theo dõi, tổng hợp (Sở Nội vụ/Văn phòng)',
  admin: 'Quản trị',
};

/**
 * Folds Vietnamese text for accent-insensitive search: lower case, diacritics removed, đ → d,
 * whitespace collapsed. "Sở Giáo dục và Đào tạo" → "so giao duc va dao tao".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
