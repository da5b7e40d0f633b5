import { describe, expect, it } from 'vitest';
import { formatCount, formatKm, formatPercent, formatYi } from '../../src/core/format.ts';

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
