import { toNfc } from './nfc.pipe';

describe('toNfc', () => {
  const nfd = 'Sở Tư pháp tỉnh Bình Thuận'.normalize('NFD');

  it('composes decomposed Vietnamese in nested bodies', () => {
    expect(nfd).not.toBe('Sở Tư pháp tỉnh Bình Thuận');
    const out = toNfc({ name: nfd, sections: { purpose: nfd }, recipients: [nfd, 'x'], amount: 5, flag: null });
    expect(out).toEqual({
      name: 'Sở Tư pháp tỉnh Bình Thuận',
      sections: { purpose: 'Sở Tư pháp tỉnh Bình Thuận' },
      recipients: ['Sở Tư pháp tỉnh Bình Thuận', 'x'],
      amount: 5,
      flag: null,
    });
    expect(out.name.length).toBe('Sở Tư pháp tỉnh Bình Thuận'.length);
  });

  it('leaves buffers and dates alone', () => {
    const buf = Buffer.from('abc');
    const when = new Date(0);
    const out = toNfc({ file: buf, when });
    expect(out.file).toBe(buf);
    expect(out.when).toBe(when);
  });
});
