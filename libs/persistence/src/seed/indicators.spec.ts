import { INDICATORS, findIndicator } from './indicators';

describe('INDICATORS', () => {
  it('has about 15 indicators with unique upper-snake codes', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) expect(i.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('covers the indicators of DOMAIN §6', () => {
    for (const code of [
      'WEB_NEWS',
      'PORTAL_NEWS',
      'RADIO_ITEMS',
      'TV_PROGRAMMES',
      'CONFERENCES',
      'CONFERENCE_PARTICIPANTS',
      'CONTESTS_HELD',
      'CONTEST_PARTICIPANTS',
      'BANNERS',
      'POSTERS_PANELS',
      'LEAFLETS',
      'VIDEO_CLIPS',
      'TTHC_POSTED',
      'SOCIAL_POSTS',
      'BUDGET_SPENT',
    ]) {
      expect(findIndicator(code)).toBeDefined();
    }
  });

  it('has both online and traditional forms for the diversity score', () => {
    expect(INDICATORS.some((i) => i.category === 'online')).toBe(true);
    expect(INDICATORS.some((i) => i.category === 'traditional')).toBe(true);
  });

  it('stores budget as a decimal in triệu đồng and counts as integers', () => {
    expect(findIndicator('BUDGET_SPENT')).toMatchObject({ valueType: 'decimal', unitOfMeasure: 'triệu đồng' });
    expect(findIndicator('WEB_NEWS')).toMatchObject({
      valueType: 'integer',
      aggregation: 'sum',
      unitOfMeasure: 'tin, bài',
    });
  });

  it('has NFC names and units of measure', () => {
    for (const i of INDICATORS) {
      expect(i.name).toBe(i.name.normalize('NFC'));
      expect(i.unitOfMeasure).toBe(i.unitOfMeasure.normalize('NFC'));
    }
  });
});
