/**
 * The Vietnamese wording the importer recognises, as named patterns. Every pattern runs on the accent-folded copy of
 * the text (`foldKeepingOffsets`: lower case, no diacritics, đ → d), so "Số", "SỐ" and "So" read alike; values are
 * then cut from the original text at the same offsets.
 */

/** A date written with numbers: "31/01/2024", "31 / 01 / 2024", "31-01-2024", "31.01.2024". Groups: day, month, year. */
export const NGAY_SO = String.raw`(\d{1,2})\s*[\/.-]\s*(\d{1,2})\s*[\/.-]\s*(\d{4})`;
/** A date written with words: "31 tháng 01 năm 2024", "31 tháng 1, năm 2024". Groups: day, month, year. */
export const NGAY_CHU = String.raw`(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})`;
/** "ngày 31/01/2024" or "ngày 31 tháng 01 năm 2024" (six groups: the numeric form's three, then the worded form's). */
export const NGAY = String.raw`ngay\s*(?:${NGAY_SO}|${NGAY_CHU})`;

/** "Số: 163/KH-UBND", "Số: /KH-SGDĐT" (number left blank in a draft), "Số: .99./KH-TrS". Groups: number part, symbol. */
export const SO_KY_HIEU = /^[ \t]*so\s*:\s*([0-9. \t]{0,20}?)\s*\/\s*([a-z0-9&]+(?:\s*-\s*[a-z0-9&]+)*)[ \t.]*$/gm;

/**
 * Place and date of issue: "Nam Định, ngày 25 tháng 12 năm 2023", with day or month left blank ("ngày    tháng 3
 * năm 2023", "ngày ... tháng ... năm 2023"). Groups: place, day, month, year.
 */
export const NGAY_BAN_HANH =
  /^[ \t]*([^\d\n,:;]{2,60}?)\s*,\s*ngay\s*(\d{1,2})?[ \t.]*thang\s*(\d{1,2})?[ \t.]*,?\s*nam\s+(\d{4})/gm;

/** The document type line: "KẾ HOẠCH", optionally followed by the title on the same line. Group: the rest. */
export const LOAI_VAN_BAN = /^[ \t]*ke hoach\b[ \t:]*(.*)$/m;

/** The plan's year in its title: "… năm 2024". Group: year. */
export const NAM_KE_HOACH = /\bnam\s+(\d{4})\b/;

/** A preamble paragraph citing what the plan implements: "Thực hiện …", "Căn cứ …". */
export const THUC_HIEN = /^[ \t]*(?:thuc hien|can cu)\b/;

/**
 * A cited document in the preamble: "Kế hoạch số 4912/KH-UBND ngày 15/12/2023", "Quyết định 4825/QĐ-UBND ngày 27
 * tháng 12 năm 2018". Groups: kind, number, symbol, then the six date groups of `NGAY`.
 */
export const VAN_BAN_DAN_CHIEU = new RegExp(
  String.raw`\b(ke hoach|quyet dinh)\s+(?:so\s*:?\s*)?(\d{1,6})\s*\/\s*([a-z0-9&]+(?:\s*-\s*[a-z0-9&]+)*)\s*,?\s*` +
    NGAY,
  'g',
);

/** "… của UBND tỉnh Nam Định về …": who issued a cited document. Group: the issuer. */
export const CUA_CO_QUAN =
  /\bcua\s+((?:chu tich\s+)?(?:uy ban nhan dan|ubnd|so|phong|bo|chinh phu|thu tuong|hoi dong nhan dan|hdnd|van phong|truong|ban)\b.{0,200}?)(?=\s+(?:ve|tang cuong|ban hanh|thuc hien|de|nham)\b|\s*[,;.(]|\s*$)/;

/** The issuer named in the preamble: "…, Sở Giáo dục và Đào tạo (GDĐT) xây dựng Kế hoạch …". Group: the issuer. */
export const DON_VI_XAY_DUNG =
  /(?:^|[,;.:]\s*|\n[ \t]*)((?:chu tich\s+)?(?:so|truong|phong|uy ban nhan dan|ubnd|van phong|trung tam|dai|ban)\b[^,;:\n]{0,150}?)\s+(?:xay dung|ban hanh)\s+(?:ke hoach)/gm;

/** The two header lines above "Số:": "UBND TỈNH NAM ĐỊNH" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (the national motto excluded). */
export const QUOC_HIEU = /cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do|^[ \t-]*$/;

/**
 * The child-plan deadline: "chậm nhất là ngày 31/01/2024", "trước ngày 31 tháng 01 năm 2024", "hạn chót ngày …".
 * Groups: the six date groups of `NGAY` (the word "ngày" optional).
 */
export const HAN_KE_HOACH_CON = new RegExp(
  String.raw`\b(?:cham nhat(?:\s+la)?|truoc|han chot(?:\s+la)?|khong muon hon|xong truoc)\s*(?:ngay\s*)?(?:${NGAY_SO}|${NGAY_CHU})`,
  'g',
);

/** The execution window: "Từ tháng 02/2025 đến tháng 12/2025" (also "tháng 2 năm 2025"). Groups: m1, y1, m2, y2. */
export const THOI_GIAN_THUC_HIEN =
  /\btu\s+thang\s*(\d{1,2})\s*(?:\/|\s+nam\s+)\s*(\d{4})\s*(?:den|-)\s*(?:het\s+)?thang\s*(\d{1,2})\s*(?:\/|\s+nam\s+)\s*(\d{4})/g;

/** What a target counts: "tin, bài", "tin", "bài", "lần", "chương trình", "chuyên mục", … */
export const DON_VI_DEM = String.raw`(?:tin\s*,?\s*bai|tin|bai viet|bai|lan|chuong trinh|chuyen muc|san pham|video(?:\s*clip)?|phong su|buoi|cuoc thi|hoi nghi)`;

/**
 * A target with its basis: "ít nhất bình quân 05 tin, bài/tháng", "01 tin/tuần", "ít nhất 01 lần/tuần".
 * Groups: amount, counted thing, basis.
 */
export const CHI_TIEU_THEO_KY = new RegExp(
  String.raw`\b(?:(?:it nhat|toi thieu|binh quan|dam bao)\s+){0,3}(\d{1,4})\s+(${DON_VI_DEM})\s*\/\s*(tuan|thang|quy|nam)\b`,
  'g',
);

/**
 * A target whose basis comes first: "Hằng tháng … có ít nhất 02 tin, bài", "định kỳ hàng tuần phải có ít nhất 01
 * tin, bài", "Mỗi tháng đăng tối thiểu 03 tin, bài". Groups: basis, amount, counted thing.
 */
export const CHI_TIEU_DINH_KY = new RegExp(
  String.raw`\b(?:hang|moi)\s+(tuan|thang|quy|nam)\b[^.;\n]{0,160}?\b(?:it nhat|toi thieu)\s+(\d{1,4})\s+(${DON_VI_DEM})\b(?!\s*\/)`,
  'g',
);

/** A restated equivalent, not a target of its own: "(tương đương ít nhất 60 tin, bài/năm)". */
export const TUONG_DUONG = /\(\s*tuong duong[^)]*$/;

/** Report periods as the documents name them, longest first. */
export const KY_BAO_CAO = String.raw`(quy\s+iii|quy\s+3|quy\s+i|quy\s+1|6\s+thang|sau\s+thang|ca\s+nam|nam)`;

/** "trước ngày 10 tháng 3 đối với báo cáo quý I", "trước ngày 10/6 đối với báo cáo 6 tháng". Groups: day, month, period. */
export const LICH_BAO_CAO_TRUOC_NGAY = new RegExp(
  String.raw`\btruoc\s+ngay\s*(\d{1,2})\s*(?:thang\s*|\/\s*)(\d{1,2})(?:\s*(?:\/|nam)\s*\d{4})?\s*(?:doi voi|cho|voi)\s+(?:bao cao\s+|ky\s+)?` +
    KY_BAO_CAO +
    String.raw`(?!\s*(?:\d|hoc))\b`,
  'g',
);

/** "quý I trước ngày 10/3", "báo cáo 6 tháng: trước ngày 10/6". Groups: period, day, month. */
export const LICH_BAO_CAO_KY_TRUOC = new RegExp(
  String.raw`\b(?:bao cao\s+)?` +
    KY_BAO_CAO +
    String.raw`\s*[:,]?\s*(?:gui\s+)?truoc\s+ngay\s*(\d{1,2})\s*(?:thang\s*|\/\s*)(\d{1,2})\b`,
  'g',
);

/** Periods without due days: "(theo Quý, năm và đột xuất)". Group: the list. */
export const KY_BAO_CAO_THEO =
  /\btheo\s+((?:quy(?!\s*(?:dinh|trinh|che|mo|hoach))|6 thang|nam|dot xuat)(?:\s*(?:,|va)\s*(?:quy(?!\s*(?:dinh|trinh|che))|6 thang|nam|dot xuat))+)/g;

/** A body reports go to: Sở, UBND, Phòng, Văn phòng, Bộ … */
const CO_QUAN_NHAN = String.raw`(?:so|ubnd|uy ban nhan dan|phong|van phong|bo(?!\s+phan))\b`;
/** "báo cáo … gửi Sở Nội vụ tổng hợp", "… về Sở để tổng hợp". Group: the recipient. */
export const GUI_BAO_CAO = new RegExp(
  String.raw`\bbao cao\b[^.;]{0,400}?\b(?:gui|ve|len)\s+(${CO_QUAN_NHAN}[^,;.()]{0,120}?)(?=\s+(?:de|tong hop|theo|qua|truoc)\b|\s*[,;.(]|\s*$)`,
  'gm',
);
/** "định kỳ báo cáo Sở GDĐT (…)". Group: the recipient. */
export const BAO_CAO_CO_QUAN = new RegExp(
  String.raw`\bbao cao\s+(${CO_QUAN_NHAN}[^,;.()]{0,120}?)(?=\s+(?:de|tong hop|theo|qua|truoc|va)\b|\s*[,;.(]|\s*$)`,
  'gm',
);

/** A section heading "I. MỤC ĐÍCH, YÊU CẦU" … "V. TỔ CHỨC THỰC HIỆN". Groups: numeral, heading. */
export const DE_MUC_LA_MA = /^[ \t]*(i|ii|iii|iv|v|vi|vii|viii)[ \t]*[.)][ \t]+(\S.*)$/gm;

/** The "forms" part inside the content section: "2. Hình thức tuyên truyền", "b) Hình thức". */
export const MUC_HINH_THUC = /^[ \t]*(?:\d+|[a-z])[ \t]*[.)][ \t]*hinh thuc\b.*$/m;

/** A numbered sub-heading "1. Các sở, ban, ngành, UBND các huyện …" (the unit kinds a target binds may be named there). */
export const MUC_SO = /^[ \t]*(\d{1,2})[ \t]*\.[ \t]+(\S.*)$/gm;

/** "Nơi nhận:" and the list after it. */
export const NOI_NHAN = /^[ \t]*noi nhan\s*:?[ \t]*$/m;

/** Where the closing begins ("Trên đây là Kế hoạch …"): the last section ends there. */
export const KET_THUC = /^[ \t]*(?:tren day la|noi nhan\s*:)/m;
