// Demo unit tree for the Bình Thuận province demo. Seed 001 (001_581e4daf63d91ab6.txt) is Bình Thuận's
// real 2024 plan for CCHC information and propaganda; the departments, media and the district level named in it
// are modelled here. The tree is the pre-1/7/2025 shape (province → district → commune), which is the shape
// seed 001 was written for.
//
// DEMO DATA. Every e-mail address below is invented for the demo (local part starts with "demo.") and must
// never be used to send real mail: a demo environment must route outgoing mail to a local sink.
//
// Codes: short ASCII upper case, dots for hierarchy readability, unique.

import type { UnitKind } from './unit-kinds';

export interface SeedUnit {
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  parentCode: string | null;
  isReviewingOffice?: boolean;
  email?: string;
}

/** Code of the demo province root. */
export const DEMO_ROOT_CODE = 'BTH';

export const DEMO_UNITS: SeedUnit[] = [
  // ── Province ────────────────────────────────────────────────────────────────────────────────────
  {
    code: 'BTH',
    name: 'Ủy ban nhân dân tỉnh Bình Thuận',
    abbreviation: 'UBND',
    kind: 'province',
    parentCode: null,
    email: 'demo.ubnd@binhthuan.gov.vn',
  },

  // ── Departments (sở) named in seed 001 ──────────────────────────────────────────────────────────
  {
    // Seed 001 §III.2: follows, checks and urges all units; aggregates results for UBND tỉnh and Bộ Nội vụ.
    code: 'BTH.SNV',
    name: 'Sở Nội vụ',
    abbreviation: 'SNV',
    kind: 'department',
    parentCode: 'BTH',
    isReviewingOffice: true,
    email: 'demo.snv@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    abbreviation: 'SGDĐT',
    kind: 'department',
    parentCode: 'BTH',
    email: 'demo.sgddt@binhthuan.gov.vn',
  },
  {
    code: 'BTH.STTTT',
    name: 'Sở Thông tin và Truyền thông',
    abbreviation: 'STTTT',
    kind: 'department',
    parentCode: 'BTH',
    email: 'demo.stttt@binhthuan.gov.vn',
  },
  {
    code: 'BTH.STP',
    name: 'Sở Tư pháp',
    abbreviation: 'STP',
    kind: 'department',
    parentCode: 'BTH',
    email: 'demo.stp@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    abbreviation: 'SKHĐT',
    kind: 'department',
    parentCode: 'BTH',
    email: 'demo.skhdt@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    abbreviation: 'SLĐTBXH',
    kind: 'department',
    parentCode: 'BTH',
    email: 'demo.sldtbxh@binhthuan.gov.vn',
  },
  {
    // Seed 001 §III.5 gives Văn phòng UBND tỉnh its own task (through Trung tâm Hành chính công tỉnh).
    code: 'BTH.VPUBND',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    abbreviation: 'VP',
    kind: 'office',
    parentCode: 'BTH',
    email: 'demo.vpubnd@binhthuan.gov.vn',
  },

  // ── Provincial media (seed 001 §III.7, §III.8) ──────────────────────────────────────────────────
  {
    code: 'BTH.DPTTH',
    name: 'Đài Phát thanh - Truyền hình Bình Thuận',
    abbreviation: 'ĐPTTH',
    kind: 'media',
    parentCode: 'BTH',
    email: 'demo.dptth@binhthuan.gov.vn',
  },
  {
    code: 'BTH.BBT',
    name: 'Báo Bình Thuận',
    abbreviation: 'BBT',
    kind: 'media',
    parentCode: 'BTH',
    email: 'demo.baobinhthuan@binhthuan.gov.vn',
  },

  // ── Districts (UBND huyện, thị xã, thành phố) and their communes/wards ────────────────────────
  {
    code: 'BTH.PTH',
    name: 'Ủy ban nhân dân thành phố Phan Thiết',
    abbreviation: 'UBND',
    kind: 'district',
    parentCode: 'BTH',
    email: 'demo.ubnd.phanthiet@binhthuan.gov.vn',
  },
  {
    code: 'BTH.PTH.PHU-THUY',
    name: 'Ủy ban nhân dân phường Phú Thủy',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.PTH',
    email: 'demo.ubnd.phuthuy.phanthiet@binhthuan.gov.vn',
  },
  {
    code: 'BTH.PTH.MUI-NE',
    name: 'Ủy ban nhân dân phường Mũi Né',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.PTH',
    email: 'demo.ubnd.muine.phanthiet@binhthuan.gov.vn',
  },
  {
    code: 'BTH.HTB',
    name: 'Ủy ban nhân dân huyện Hàm Thuận Bắc',
    abbreviation: 'UBND',
    kind: 'district',
    parentCode: 'BTH',
    email: 'demo.ubnd.hamthuanbac@binhthuan.gov.vn',
  },
  {
    code: 'BTH.HTB.MA-LAM',
    name: 'Ủy ban nhân dân thị trấn Ma Lâm',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.HTB',
    email: 'demo.ubnd.malam.hamthuanbac@binhthuan.gov.vn',
  },
  {
    code: 'BTH.HTB.HAM-DUC',
    name: 'Ủy ban nhân dân xã Hàm Đức',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.HTB',
    email: 'demo.ubnd.hamduc.hamthuanbac@binhthuan.gov.vn',
  },
  {
    code: 'BTH.LGI',
    name: 'Ủy ban nhân dân thị xã La Gi',
    abbreviation: 'UBND',
    kind: 'district',
    parentCode: 'BTH',
    email: 'demo.ubnd.lagi@binhthuan.gov.vn',
  },
  {
    code: 'BTH.LGI.PHUOC-HOI',
    name: 'Ủy ban nhân dân phường Phước Hội',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.LGI',
    email: 'demo.ubnd.phuochoi.lagi@binhthuan.gov.vn',
  },
  {
    code: 'BTH.LGI.TAN-HAI',
    name: 'Ủy ban nhân dân xã Tân Hải',
    abbreviation: 'UBND',
    kind: 'commune',
    parentCode: 'BTH.LGI',
    email: 'demo.ubnd.tanhai.lagi@binhthuan.gov.vn',
  },

  // ── Under Sở GDĐT ───────────────────────────────────────────────────────────────────────────────
  {
    // Inside a department the Văn phòng Sở follows and urges its subtree (seed 000 §V.2).
    code: 'BTH.SGDDT.VP',
    name: 'Văn phòng Sở Giáo dục và Đào tạo',
    abbreviation: 'VP',
    kind: 'office',
    parentCode: 'BTH.SGDDT',
    isReviewingOffice: true,
    email: 'demo.vanphong.sgddt@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT.THPT-CTHD',
    name: 'Trường THPT Chuyên Trần Hưng Đạo',
    abbreviation: 'THPTCTHĐ',
    kind: 'school',
    parentCode: 'BTH.SGDDT',
    email: 'demo.thptchuyentranhungdao@edu.binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT.THPT-PBC',
    name: 'Trường THPT Phan Bội Châu',
    abbreviation: 'THPTPBC',
    kind: 'school',
    parentCode: 'BTH.SGDDT',
    email: 'demo.thptphanboichau@edu.binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT.THPT-PT',
    name: 'Trường THPT Phan Thiết',
    abbreviation: 'THPTPT',
    kind: 'school',
    parentCode: 'BTH.SGDDT',
    email: 'demo.thptphanthiet@edu.binhthuan.gov.vn',
  },
  {
    // Seed 004 (004_bad93bff9694f540.txt) is this school's 2025 plan. In reality Trường THPT Cộng Hiền is in
    // Vĩnh Bảo, Hải Phòng, under Sở GDĐT Hải Phòng; it is placed in the Bình Thuận demo only so that seed 004
    // can be used as a fixture (a leaf school plan under a Sở GDĐT).
    code: 'BTH.SGDDT.THPT-CH',
    name: 'Trường THPT Cộng Hiền',
    abbreviation: 'THPTCH',
    kind: 'school',
    parentCode: 'BTH.SGDDT',
    email: 'demo.thptconghien@edu.binhthuan.gov.vn',
  },
  {
    // Placement under the Sở follows seed 000 (Nam Định), where the GDNN-GDTX centres report to the Sở GDĐT.
    // The name is illustrative and has not been checked against Bình Thuận's actual network of centres.
    code: 'BTH.SGDDT.GDNN-GDTX',
    name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Hàm Thuận Bắc',
    abbreviation: 'TTGDNN-GDTX',
    kind: 'centre',
    parentCode: 'BTH.SGDDT',
    email: 'demo.gdnn-gdtx.hamthuanbac@edu.binhthuan.gov.vn',
  },

  // ── Under UBND thành phố Phan Thiết: Phòng GDĐT and THCS schools (three-level chain of seed 002) ──
  {
    code: 'BTH.PTH.PGDDT',
    name: 'Phòng Giáo dục và Đào tạo thành phố Phan Thiết',
    abbreviation: 'PGDĐT',
    kind: 'office',
    parentCode: 'BTH.PTH',
    email: 'demo.pgddt.phanthiet@edu.binhthuan.gov.vn',
  },
  {
    // Seed 002 (002_314fe1d1ef57e084.txt) is this school's 2020 plan. In reality Trường THCS Trường Sơn is in
    // quận Gò Vấp, TP. Hồ Chí Minh, under Phòng GDĐT Gò Vấp; it is placed under Phòng GDĐT Phan Thiết only so
    // that seed 002 can be used as a fixture (district → Phòng GDĐT → school).
    code: 'BTH.PTH.PGDDT.THCS-TS',
    name: 'Trường THCS Trường Sơn',
    abbreviation: 'THCSTS',
    kind: 'school',
    parentCode: 'BTH.PTH.PGDDT',
    email: 'demo.thcstruongson@edu.binhthuan.gov.vn',
  },
  {
    // Plausible Phan Thiết THCS name; treat as demo data, not as a verified register entry.
    code: 'BTH.PTH.PGDDT.THCS-HV',
    name: 'Trường THCS Hùng Vương',
    abbreviation: 'THCSHV',
    kind: 'school',
    parentCode: 'BTH.PTH.PGDDT',
    email: 'demo.thcshungvuong@edu.binhthuan.gov.vn',
  },
];

/** Demo codes of the units whose plans are seed fixtures (see demo-plans.ts). */
export const DEMO_SEED_UNIT_CODES = {
  /** seed 001: Bình Thuận province, 2024 */
  province: 'BTH',
  /** seed 004: Trường THPT Cộng Hiền (really in Hải Phòng) */
  thptCongHien: 'BTH.SGDDT.THPT-CH',
  /** seed 002: Trường THCS Trường Sơn (really in Gò Vấp, TP.HCM) */
  thcsTruongSon: 'BTH.PTH.PGDDT.THCS-TS',
} as const;
