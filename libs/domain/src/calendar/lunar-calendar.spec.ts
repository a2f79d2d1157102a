import { gioToHungVuong, lunarToSolar, tetNguyenDan } from './lunar-calendar';

/*
 * Pinned from an independent published table, not from this implementation: the python-holidays project
 * (vacanza/holidays, holidays/calendars/chinese.py: LUNAR_NEW_YEAR_DATES and HUNG_KINGS_DATES, with its
 * VIETNAMESE_CALENDAR_* overrides for the years the Vietnamese calendar differs from the Chinese one).
 * Columns: solar year, Tết Nguyên đán (1/1 lunar), Giỗ Tổ Hùng Vương (10/3 lunar), as MM-DD.
 */
const TABLE = `
1990 01-27 04-05  1991 02-15 04-24  1992 02-04 04-12  1993 01-23 04-01  1994 02-10 04-20
1995 01-31 04-09  1996 02-19 04-27  1997 02-07 04-16  1998 01-28 04-06  1999 02-16 04-25
2000 02-05 04-14  2001 01-24 04-03  2002 02-12 04-22  2003 02-01 04-11  2004 01-22 04-28
2005 02-09 04-18  2006 01-29 04-07  2007 02-17 04-26  2008 02-07 04-15  2009 01-26 04-04
2010 02-14 04-23  2011 02-03 04-12  2012 01-23 03-31  2013 02-10 04-19  2014 01-31 04-09
2015 02-19 04-28  2016 02-08 04-16  2017 01-28 04-06  2018 02-16 04-25  2019 02-05 04-14
2020 01-25 04-02  2021 02-12 04-21  2022 02-01 04-10  2023 01-22 04-29  2024 02-10 04-18
2025 01-29 04-07  2026 02-17 04-26  2027 02-06 04-16  2028 01-26 04-04  2029 02-13 04-23
2030 02-02 04-12  2031 01-23 04-01  2032 02-11 04-19  2033 01-31 04-09  2034 02-19 04-28
2035 02-08 04-17  2036 01-28 04-06  2037 02-15 04-24  2038 02-04 04-13  2039 01-24 04-03
2040 02-12 04-20  2041 02-01 04-10  2042 01-22 04-29  2043 02-10 04-19  2044 01-30 04-07
2045 02-17 04-26  2046 02-06 04-15  2047 01-26 04-04  2048 02-14 04-22  2049 02-02 04-11
2050 01-23 04-01
`;

const rows = [...TABLE.matchAll(/(\d{4}) (\d\d-\d\d) (\d\d-\d\d)/g)].map(
  ([, y, tet, gioTo]) => [Number(y), `${y}-${tet}`, `${y}-${gioTo}`] as const,
);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('the table covers 1990–2050', () => {
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 61 }, (_, i) => 1990 + i));
  });

  it.each(rows)('%i: Tết %s, Giỗ Tổ %s', (year, tet, gioTo) => {
    expect(tetNguyenDan(year)).toBe(tet);
    expect(gioToHungVuong(year)).toBe(gioTo);
  });

  it('differs from the Chinese calendar where Viet Nam is an hour behind the new moon (1985, 2007, 2030)', () => {
    // Chinese Tết: 1985-02-20, 2007-02-18, 2030-02-03 (same table).
    expect(tetNguyenDan(1985)).toBe('1985-01-21');
    expect(tetNguyenDan(2007)).toBe('2007-02-17');
    expect(tetNguyenDan(2030)).toBe('2030-02-02');
  });

  it('knows leap months: 2023 had a leap 2nd month (tháng 2 nhuận), 2025 a leap 6th', () => {
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ day: 1, month: 3, year: 2025, leap: true })).toBeUndefined();
    expect(lunarToSolar({ day: 1, month: 1, year: 2024, leap: true })).toBeUndefined();
  });

  it('refuses impossible lunar dates', () => {
    expect(lunarToSolar({ day: 31, month: 1, year: 2024 })).toBeUndefined();
    expect(lunarToSolar({ day: 1, month: 13, year: 2024 })).toBeUndefined();
  });
});
