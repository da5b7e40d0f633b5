import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatKm, formatPercent, formatYi, plainNumber } from '../../src/core/format.ts';

describe('formatYi', () => {
  it.each([
    [591, '591 亿元', 'CNY 59.1 bn'],
    [2326, '2,326 亿元', 'CNY 232.6 bn'],
    [253.4, '253.4 亿元', 'CNY 25.34 bn'],
    [10, '10 亿元', 'CNY 1 bn'],
    [5, '5 亿元', 'CNY 500 m'],
    [0.25, '0.25 亿元', 'CNY 25 m'],
    [0, '0 亿元', 'CNY 0 m'],
  ])('%f 亿元 is "%s" and "%s"', (value, zh, en) => {
    expect(formatYi(value, 'zh')).toBe(zh);
    expect(formatYi(value, 'en')).toBe(en);
  });

  it('shows null as not disclosed, never as 0', () => {
    expect(formatYi(null, 'zh')).toBe('未公开');
    expect(formatYi(null, 'en')).toBe('not disclosed');
  });
});

describe('other formats', () => {
  it('formats counts, percentages and kilometres per language', () => {
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(null, 'zh')).toBe('未公开');
    expect(formatPercent(1 / 31, 'zh')).toBe('3.2%');
    expect(formatPercent(null, 'en')).toBe('not disclosed');
    expect(formatKm(11.517, 'zh')).toBe('11.5 公里');
    expect(formatKm(11.517, 'en')).toBe('11.5 km');
  });
});

describe('plainNumber: what Intl.NumberFormat writes in zh-CN and en-GB, without loading its locale data', () => {
  const intl = (value: number, digits: number, percent: boolean, locale: string) =>
    new Intl.NumberFormat(locale, percent ? { style: 'percent', maximumFractionDigits: digits } : { maximumFractionDigits: digits }).format(value).replace(/%$/, '');
  const same = (value: number, digits: number, percent = false) => {
    const mine = plainNumber(value, digits, percent ? 2 : 0);
    expect(mine, `${value} to ${digits}`).toBe(intl(value, digits, percent, 'zh-CN'));
    expect(mine, `${value} to ${digits}`).toBe(intl(value, digits, percent, 'en-GB'));
  };

  it.each([
    [1.005, 2], [2.675, 2], [0.125, 2], [0.5, 0], [1.5, 0], [2.5, 0], [-2.5, 0], [-0, 0], [-0.004, 2], [999.995, 2],
    [9.96, 1], [99999.5, 0], [1234567.891, 2], [0, 2], [1e-7, 2], [123456789012345680000, 0], [1e21, 0], [NaN, 2], [Infinity, 0],
  ])('%f to %i decimals: rounded half away from zero on its decimal digits, grouped by thousands', (value, digits) => same(value, digits));

  it('percentages move the point on the decimal digits (0.0125 → 1.3, not 1.2)', () => {
    for (const v of [0.0125, 1 / 31, 0.129, 0.99995, 1, 12.3456, -0.0005]) same(v, 1, true);
  });

  it('agrees with Intl on any double, to 0, 1 or 2 decimals, plain or as a percentage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000)), fc.constantFrom(0, 1, 2), fc.boolean(), (v, digits, percent) => same(v, digits, percent)),
      { numRuns: 5000 },
    );
  });
});
