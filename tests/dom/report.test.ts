/** The pieces of the report exports that do not need a browser: the axis table, its sort, wrapping and the scale bar's length. */
import { describe, expect, it } from 'vitest';
import { wrapText, niceMetres } from '../../src/app/export_png.ts';
import { axisSummaryTable } from '../../src/core/axis_summary.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { renderAxisTable, sortAxes } from '../../src/ui/axis_table.ts';
import { fixtureSources } from '../helpers/fixtures.ts';

const { aggregates } = buildBundle(fixtureSources()).value!;
const axes = aggregates.axes;

describe('the axes compared', () => {
  it('a row per axis with the report, the corridor, per km and the shares; unknown written out, never 0', () => {
    const table = axisSummaryTable(axes, 'zh');
    expect(table.header).toContain('走廊内投资（亿元）');
    expect(table.header).toContain('占全区投资（报告）（%）');
    const songshan = table.rows[0]!;
    const at = (key: string) => songshan[table.header.indexOf(key)];
    expect(at('轴线')).toBe('嵩山路');
    expect(at('报告项目数')).toBe(31);
    expect(at('报告投资（亿元）')).toBe(591);
    expect(at('占全区投资（报告）（%）')).toBe(25.4); // 591 / 2326
    // The fixture discloses no amount on 嵩山路 at 500 m: not disclosed, not 0.
    expect(axes[0]!.mapped.investment_yi).toBeNull();
    expect(at('走廊内投资（亿元）')).toBe('未公开');
    expect(at('每公里投资（亿元/公里）')).toBe('未公开');
    expect(axisSummaryTable(axes, 'en').rows[0]![5]).toBe('not disclosed');
  });

  it('sorts with unknown last in either direction and ties in the layout order', () => {
    const ids = (sort: Parameters<typeof sortAxes>[1]) => sortAxes(axes, sort, 'zh').map((a) => a.id);
    expect(ids(null)).toEqual(['songshan', 'daxue', 'jingguang']);
    expect(ids({ key: 'reported_yi', descending: true })).toEqual(['songshan', 'daxue', 'jingguang']);
    expect(ids({ key: 'reported_yi', descending: false })).toEqual(['jingguang', 'daxue', 'songshan']);
    expect(ids({ key: 'reported_projects', descending: true })).toEqual(['jingguang', 'songshan', 'daxue']); // 35, then 31 = 31 in layout order
    const disclosed = axes.filter((a) => a.mapped.investment_yi !== null).map((a) => a.id);
    for (const descending of [true, false]) expect(ids({ key: 'mapped_yi', descending }).slice(0, disclosed.length).sort()).toEqual([...disclosed].sort());
  });

  it('a header click asks for the sort (numbers largest first, then the other way); headers carry aria-sort', () => {
    const asked: unknown[] = [];
    const draw = (sort: Parameters<typeof sortAxes>[1]) =>
      document.body.replaceChildren(renderAxisTable({ axes, lang: 'zh', sort, onSort: (s) => asked.push(s), selectedAxis: null, onSelectAxis: () => {} }));
    draw(null);
    document.querySelector<HTMLButtonElement>('[data-sort="reported_yi"]')!.click();
    document.querySelector<HTMLButtonElement>('[data-sort="axis"]')!.click();
    draw({ key: 'reported_yi', descending: true });
    expect(document.querySelector('th:has([data-sort="reported_yi"])')!.getAttribute('aria-sort')).toBe('descending');
    expect(document.querySelector('th:has([data-sort="axis"])')!.getAttribute('aria-sort')).toBe('none');
    document.querySelector<HTMLButtonElement>('[data-sort="reported_yi"]')!.click();
    expect(asked).toEqual([
      { key: 'reported_yi', descending: true },
      { key: 'axis', descending: false },
      { key: 'reported_yi', descending: false },
    ]);
  });
});

describe('report pictures', () => {
  // Every character 10 px wide: what a line holds is plain to see.
  const ruler = { measureText: (s: string) => ({ width: s.length * 10 }) as TextMetrics };

  it('wraps English between words and Chinese between characters, never past the width', () => {
    expect(wrapText(ruler, 'axis lines are approximate (20–250 m)', 120)).toEqual(['axis lines', 'are', 'approximate', '(20–250 m)']);
    expect(wrapText(ruler, '片区范围为示意，非官方边界', 60)).toEqual(['片区范围为示', '意，非官方边', '界']);
    for (const line of wrapText(ruler, '行政区划 Boundaries: DataV GeoAtlas via tnnevol/gmap, anzhou99/GeoJsons', 200)) expect(line.length * 10).toBeLessThanOrEqual(200);
    expect(wrapText(ruler, '', 100)).toEqual([]);
  });

  it('gives the scale bar a round length', () => {
    expect(niceMetres(2345)).toBe(2000);
    expect(niceMetres(999)).toBe(500);
    expect(niceMetres(100)).toBe(100);
    expect(niceMetres(7.3)).toBe(5);
  });
});
