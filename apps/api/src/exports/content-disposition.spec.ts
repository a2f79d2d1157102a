import { asciiFileName, contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(asciiFileName('Báo cáo quý I 2024 - Sở Nội vụ (SNV).docx')).toBe('Bao-cao-quy-I-2024-So-Noi-vu-SNV.docx');
    expect(asciiFileName('Kế hoạch 759/KH-SGDĐT.docx')).toBe('Ke-hoach-759-KH-SGDDT.docx');
    expect(asciiFileName('"; evil=1.docx')).toBe('evil-1.docx');
    expect(contentDisposition("Đơn vị 'A'.xlsx")).toBe(
      `attachment; filename="Don-vi-A.xlsx"; filename*=UTF-8''%C4%90%C6%A1n%20v%E1%BB%8B%20%27A%27.xlsx`,
    );
  });

  it('round-trips through decodeURIComponent', () => {
    const name = 'Tổng hợp rà soát năm 2024 – Ủy ban nhân dân tỉnh Bình Thuận.xlsx';
    const star = contentDisposition(name).split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(star)).toBe(name);
  });
});
