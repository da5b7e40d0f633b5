import { getByRole, getByText } from '@testing-library/dom';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';
import { describe, expect, it, vi } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { corridorShares, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { renderProjectCard, type ProjectCardProps } from '../../src/ui/project_card.ts';

const { bundle } = buildBundle(fixtureSources()).value!;
const placements = placeProjects(bundle.projects, prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]);
const axisNames = { songshan: { zh: '嵩山路', en: 'Songshan Road' }, daxue: { zh: '大学路', en: 'Daxue Road' }, jingguang: { zh: '京广路', en: 'Jingguang Road' } };
const zoneNames = { north: { zh: '北片（示意）', en: 'North (schematic)' }, central: { zh: '中片（示意）', en: 'Central (schematic)' }, south: { zh: '南片（示意）', en: 'South (schematic)' } };

function card(id: string, over: Partial<ProjectCardProps> = {}) {
  const i = bundle.projects.findIndex((p) => p.id === id);
  const node = renderProjectCard({
    project: bundle.projects[i]!,
    placement: placements.at(i),
    shares: null,
    corridorM: 500,
    lang: 'zh',
    sources: bundle.reported.sources,
    axisNames,
    zoneNames,
    link: `http://x/?project=${id}`,
    onClose: () => {},
    ...over,
  });
  document.body.replaceChildren(node);
  return node;
}
const field = (node: HTMLElement, key: string) => node.querySelector(`[data-field="${key}"]`)!.textContent;

describe('the project card', () => {
  it('shows every field, with undisclosed values as 未公开', () => {
    const node = card('yaxing-wanjia');
    expect(getByRole(node, 'heading', { name: '亚星万嘉百汇' })).toBeTruthy();
    expect(getByText(node, 'Yaxing Wanjia Baihui')).toBeTruthy();
    expect(field(node, 'status')).toBe('运营');
    expect(field(node, 'sector')).toBe('商贸消费');
    expect(field(node, 'investment_total_yi')).toBe('未公开');
    expect(field(node, 'axis_declared')).toBe('未申报');
    expect(field(node, 'axis-spatial')).toBe('嵩山路');
    expect(field(node, 'zone')).toBe('中片（示意）');
    expect(field(node, 'address')).toBe('嵩山南路343号');
    expect(field(node, 'accuracy')).toBe('± 80 米');
    expect(field(node, 'source')).toMatch(/二七区委十二届五次全会/);
    expect(field(node, 'as_of')).toBe('2023-12');
  });

  it('says when a project is not mapped', () => {
    const node = card('liandong-ugu', { lang: 'en' });
    expect(field(node, 'axis-spatial')).toMatch(/^not mapped/);
    expect(field(node, 'accuracy')).toMatch(/^not mapped/);
    expect(node.querySelector('[data-field="distances"]')).toBeNull();
  });

  it('links the press source', () => {
    const node = card('digital-sci-tech-city');
    expect(getByRole(node, 'link').getAttribute('href')).toBe('https://dzb.zzrbnews.com/news/94171.html');
  });

  it('closes on Escape and on the close button', () => {
    const onClose = vi.fn();
    const node = card('crec-taihe', { onClose });
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    getByRole(node, 'button', { name: '关闭' }).click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('renders data text as text, never as HTML', () => {
    const evil = { ...bundle.projects[0]!, name_zh: '<img src=x onerror="window.hacked=1">', note: '<script>alert(1)</script>' };
    const node = renderProjectCard({
      project: evil,
      placement: placements.at(0),
      shares: null,
      corridorM: 500,
      lang: 'zh',
      sources: bundle.reported.sources,
      axisNames,
      zoneNames,
      link: 'x',
      onClose: () => {},
    });
    document.body.replaceChildren(node);
    expect(node.querySelector('img, script')).toBeNull();
    expect(getByText(node, '<img src=x onerror="window.hacked=1">')).toBeTruthy();
  });
});

describe('where the location comes from', () => {
  it('says it in the interface’s language when the site gives both', () => {
    const i = bundle.projects.findIndex((p) => p.site);
    const project = { ...bundle.projects[i]!, site: { ...bundle.projects[i]!.site!, evidence: 'median of 21 foodgis POIs', evidence_zh: '21 个高德餐饮 POI（foodgis）坐标的中位数' } };
    const props = { project, placement: placements.at(i), shares: null, corridorM: 500, sources: bundle.reported.sources, axisNames, zoneNames, link: 'x', onClose: () => {} };
    expect(renderProjectCard({ ...props, lang: 'zh' }).querySelector('[data-field="evidence"]')!.textContent).toBe('21 个高德餐饮 POI（foodgis）坐标的中位数');
    expect(renderProjectCard({ ...props, lang: 'en' }).querySelector('[data-field="evidence"]')!.textContent).toBe('median of 21 foodgis POIs');
  });
});

describe('the card of a line or an area', () => {
  const file = (name: string) => ({ file: name, text: fixture(`shapes/${name}`) });
  const shapes = buildBundle({ ...fixtureSources(), projects: file('projects.csv'), sites: file('sites.geojson') }).value!.bundle;
  const axes = prepareAxes(shapes.axes.features as AxisFeature[]);
  const placed = placeProjects(shapes.projects, axes, shapes.zones.features as ZoneFeature[]);
  const shares = corridorShares(shapes.projects, placed, axes, 500);
  const cardOf = (id: string, lang: 'zh' | 'en') => {
    const i = shapes.projects.findIndex((p) => p.id === id);
    const node = renderProjectCard({ project: shapes.projects[i]!, placement: placed.at(i), shares: shares[i]!, corridorM: 500, lang, sources: shapes.reported.sources, axisNames, zoneNames, link: 'x', onClose: () => {} });
    document.body.replaceChildren(node);
    return (field: string) => node.querySelector(`[data-field="${field}"]`)?.textContent;
  };

  it('says what the site is, how long, and how much of it lies in each corridor and zone', () => {
    const zh = cardOf('road-x', 'zh');
    expect(zh('site-shape')).toBe('线状（道路、管廊等） · 4.58 公里');
    expect(zh('corridor-shares')).toBe('嵩山路 21.8% · 大学路 21.8% · 京广路 21.8%');
    expect(zh('zone')).toBe('北片（示意） 88.4%');
    expect(zh('distances')).toBe('嵩山路 0 米 · 大学路 0 米 · 京广路 0 米');
  });

  it('gives an area in hectares and its share in both zones, in English too', () => {
    const en = cardOf('area-straddle', 'en');
    expect(en('site-shape')).toBe('area (red-line boundary) · 48.79 ha');
    expect(en('zone')).toBe('North (schematic) 50% · Central (schematic) 50%');
    expect(en('corridor-shares')).toMatch(/^Songshan Road 0% · Daxue Road 57\.3% · Jingguang Road 6\.7%$/);
  });

  it('says a point is a point, with no shares row', () => {
    const zh = cardOf('point-d', 'zh');
    expect(zh('site-shape')).toBe('点位');
    expect(zh('corridor-shares')).toBeUndefined();
  });
});
