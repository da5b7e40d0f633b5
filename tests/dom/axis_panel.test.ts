import { getByRole, getByText, within } from '@testing-library/dom';
import { fixtureSources, THEME } from '../helpers/fixtures.ts';
import { describe, expect, it, vi } from 'vitest';
import { aggregate } from '../../src/core/aggregate.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { renderAxisPanel, type AxisPanelProps } from '../../src/ui/axis_panel.ts';
import { mapNote } from '../../src/ui/labels.ts';
import { layoutFixtureSources } from '../helpers/fixtures.ts';

const { bundle, aggregates } = buildBundle(fixtureSources()).value!;

function mount(node: Element): HTMLElement {
  document.body.replaceChildren(node);
  return document.body;
}

const props = (over: Partial<AxisPanelProps> = {}): AxisPanelProps => ({
  aggregates,
  reported: bundle.reported,
  lang: 'zh',
  theme: THEME,
  selectedAxis: null,
  anyDeclared: false,
  ledgerTotals: aggregates.ledger.all,
  note: mapNote(bundle, 'zh'),
  onSelectAxis: () => {},
  onSelectProject: () => {},
  ...over,
});

describe('the overview panel (zh)', () => {
  const body = mount(renderAxisPanel(props()));
  const card = (name: string) => getByRole(body, 'region', { name });

  it('shows each axis’s reported figures from the report', () => {
    expect(within(card('嵩山路科创产业发展轴')).getByText('31 项 · 591 亿元')).toBeTruthy();
    expect(within(card('大学路健康服务及消费提质发展轴')).getByText('31 项 · 396 亿元')).toBeTruthy();
    expect(within(card('京广路总部经济和特色商业发展轴')).getByText('35 项 · 365 亿元')).toBeTruthy();
  });

  it('shows what is mapped beside it, with undisclosed investment as 未公开, never 0', () => {
    const mapped = card('嵩山路科创产业发展轴').querySelector('[data-figure="mapped"]')!;
    expect(mapped.textContent).toBe('走廊内已定位 1 项 · 披露投资 0 项：未公开');
    expect(body.textContent).not.toMatch(/(^|[^\d.])0 亿元/);
  });

  it('draws the coverage as a meter with its value, and the share of the district', () => {
    expect(within(card('嵩山路科创产业发展轴')).getByRole('meter').getAttribute('aria-valuenow')).toBe('3.2');
    expect(card('嵩山路科创产业发展轴').querySelector('[data-figure="share"]')!.textContent).toBe('项目 8.6% · 投资 25.4%');
  });

  it('counts the ledger, including projects not mapped, and the zones', () => {
    expect(getByText(body, '当前 18 项：已定位 6 项，未定位 12 项')).toBeTruthy();
    expect(body.querySelector('[data-zone="central"]')!.textContent).toContain('已定位 2 项');
  });

  it('lists the district figures from the report and says the zones are schematic', () => {
    expect(getByText(body, '千万元以上重大项目: 360 项 · 2,326 亿元')).toBeTruthy();
    expect(getByText(body, /片区范围为示意/)).toBeTruthy();
    expect(getByText(body, /数据截至 2023-12/)).toBeTruthy();
  });

  it('says the mismatch lists are empty because no axis is declared', () => {
    expect(getByText(body, '台账未申报所属轴线，无法比对')).toBeTruthy();
  });
});

describe('selecting an axis', () => {
  it('calls back from the card button (keyboard and screen reader) and from a click on the chart', () => {
    const onSelectAxis = vi.fn();
    const body = mount(renderAxisPanel(props({ onSelectAxis })));
    getByRole(body, 'button', { name: '大学路健康服务及消费提质发展轴' }).click();
    body.querySelector<SVGGElement>('.chart-row[data-axis="jingguang"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelectAxis.mock.calls).toEqual([['daxue'], ['jingguang']]);
  });

  it('marks the selected axis as pressed', () => {
    const body = mount(renderAxisPanel(props({ selectedAxis: 'daxue' })));
    expect(getByRole(body, 'button', { name: '大学路健康服务及消费提质发展轴' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(body, 'button', { name: '嵩山路科创产业发展轴' }).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('mismatch lists', () => {
  it('name the projects declared on an axis but outside its corridor, as buttons that open them', () => {
    const projects = bundle.projects.map((p) => (p.id === 'crec-taihe' ? { ...p, axis_declared: 'songshan' as const } : p));
    const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
    const zones = bundle.zones.features as ZoneFeature[];
    const agg = aggregate(projects, placeProjects(projects, axes, zones), axes, zones, bundle.reported, 500);
    const onSelectProject = vi.fn();
    const body = mount(renderAxisPanel(props({ aggregates: agg, anyDeclared: true, onSelectProject })));
    const songshan = getByRole(body, 'region', { name: '嵩山路科创产业发展轴' });
    expect(within(songshan).getByText('申报在本轴但在走廊外: 1')).toBeTruthy();
    within(songshan).getByRole('button', { name: '中铁·泰和里' }).click();
    const jingguang = getByRole(body, 'region', { name: '京广路总部经济和特色商业发展轴' });
    expect(within(jingguang).getByText('在走廊内但申报在他轴: 1')).toBeTruthy();
    expect(onSelectProject).toHaveBeenCalledWith('crec-taihe');
  });
});

describe('the overview panel (en)', () => {
  it('formats the same figures in English', () => {
    const body = mount(renderAxisPanel(props({ lang: 'en' })));
    const card = getByRole(body, 'region', { name: 'Songshan Road sci-tech innovation axis' });
    expect(within(card).getByText('31 projects · CNY 59.1 bn')).toBeTruthy();
    expect(card.querySelector('[data-figure="mapped"]')!.textContent).toBe('1 located in corridor · investment disclosed for 0: not disclosed');
  });
});

describe('the public record against the report', () => {
  it('says what the public record covers of the report’s programme', () => {
    const body = mount(renderAxisPanel(props()));
    expect(body.querySelector('[data-figure="public-coverage"]')!.textContent).toBe(
      '公开来源收录 18 个项目（报告 360 个的 5%），均未公开投资额（报告合计 2,326 亿元）',
    );
    const disclosed = { ...aggregates.ledger.all, projects: 23, disclosed: 5, investment_yi: 19.34 };
    expect(mount(renderAxisPanel(props({ ledgerTotals: disclosed, lang: 'en' }))).querySelector('[data-figure="public-coverage"]')!.textContent).toBe(
      'The public record holds 23 projects (6.4% of the 360 reported); 5 disclose their investment, together CNY 1.93 bn (0.8% of the CNY 232.6 bn reported)',
    );
  });
});

describe('the chart, by projects or by investment', () => {
  it('switches to 亿元: reported investment against what the map discloses, 未公开 where nothing is', () => {
    const onChartMetric = vi.fn();
    const body = mount(renderAxisPanel(props({ onChartMetric })));
    expect(body.querySelector('h2')!.textContent).toBe('报告项目数与地图定位数');
    getByRole(body, 'button', { name: '投资额（亿元）' }).click();
    expect(onChartMetric).toHaveBeenCalledWith('investment');
    const invested = mount(renderAxisPanel(props({ onChartMetric, chartMetric: 'investment' })));
    expect(invested.querySelector('h2')!.textContent).toBe('报告投资额与地图已披露投资（亿元）');
    expect(getByRole(invested, 'button', { name: '投资额（亿元）' }).getAttribute('aria-pressed')).toBe('true');
    const row = (id: string, which: string) => invested.querySelector(`.chart-row[data-axis="${id}"] [data-value="${which}"]`)!.textContent;
    expect([row('songshan', 'reported'), row('daxue', 'reported'), row('jingguang', 'reported')]).toEqual(['591', '396', '365']);
    expect(row('songshan', 'mapped')).toBe('未公开');
  });

  it('shows a disclosed amount as its bar and figure', () => {
    const withMoney = { ...aggregates, axes: aggregates.axes.map((a) => (a.id === 'daxue' ? { ...a, mapped: { ...a.mapped, investment_yi: 19.34 } } : a)) };
    const body = mount(renderAxisPanel(props({ aggregates: withMoney, chartMetric: 'investment', onChartMetric: () => {} })));
    expect(body.querySelector('.chart-row[data-axis="daxue"] [data-value="mapped"]')!.textContent).toBe('19.34');
  });
});

describe('overlapping corridors', () => {
  it('say so with the de-duplicated total when a project counts on two axes, and nothing when none does', () => {
    expect(mount(renderAxisPanel(props())).querySelector('[data-figure="overlap"]')).toBeNull();
    const axes = prepareAxes(bundle.axes.features as AxisFeature[]);
    const zones = bundle.zones.features as ZoneFeature[];
    const wide = aggregate(bundle.projects, placeProjects(bundle.projects, axes, zones), axes, zones, bundle.reported, 1500);
    // At 1,500 m: 1 + 3 + 5 on the axes, 6 projects — three of them in two corridors.
    expect(wide.axes.map((a) => a.mapped.projects)).toEqual([1, 3, 5]);
    expect(mount(renderAxisPanel(props({ aggregates: wide }))).querySelector('[data-figure="overlap"]')!.textContent).toBe(
      '走廊有重叠：3 个项目同时位于两条及以上走廊内，各轴合计 9 项，去重后 6 项。',
    );
  });
});

describe("the map's note on its geometry", () => {
  it('says what the data says: the zones’ rule and the axes’ error range, in each language', () => {
    expect(mapNote(bundle, 'zh')).toBe('片区范围为示意（按南三环、南四环纬度划分），非官方边界；轴线为近似位置（20–250 米）。');
    expect(mapNote(bundle, 'en')).toBe('Zones are schematic (cut at the S. 3rd and 4th Ring Rd latitudes), not official; axis lines are approximate (20–250 m).');
    expect(mount(renderAxisPanel(props())).querySelector('.note')!.textContent).toBe(mapNote(bundle, 'zh'));
  });

  it('says nothing of ring roads for another layout, and no range where the axes give none', () => {
    const other = buildBundle(layoutFixtureSources()).value!.bundle;
    const zh = mapNote(other, 'zh');
    expect(zh).not.toContain('南三环');
    expect(zh).toContain('非官方边界');
    const official = { ...other, zones: { ...other.zones, features: other.zones.features.map((z) => ({ ...z, properties: { ...z.properties, schematic: false } })) } };
    const unranged = { ...official, axes: { ...other.axes, features: other.axes.features.map((a) => ({ ...a, properties: { ...a.properties, accuracy_m_min: null } })) } };
    expect(mapNote(unranged, 'en')).toBe('Axis lines are approximate.');
  });
});
