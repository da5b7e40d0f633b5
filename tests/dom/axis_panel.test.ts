import { getByRole, getByText, within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { LIGHT } from '../../src/map/theme.ts';
import { renderAxisPanel } from '../../src/ui/axis_panel.ts';
import { renderProjectPopup } from '../../src/ui/project_popup.ts';
import { repoSources } from '../helpers/repo.ts';

const { bundle, aggregates } = buildBundle(repoSources()).value!;

function mount(node: HTMLElement): HTMLElement {
  document.body.replaceChildren(node);
  return document.body;
}

describe('the axis panel (zh)', () => {
  const body = mount(renderAxisPanel(aggregates, bundle.reported, 'zh', LIGHT));
  const card = (name: string) => getByRole(body, 'region', { name });

  it('shows each axis’s reported figures from the report', () => {
    expect(within(card('嵩山路科创产业发展轴')).getByText('31 项 · 591 亿元')).toBeTruthy();
    expect(within(card('大学路健康服务及消费提质发展轴')).getByText('31 项 · 396 亿元')).toBeTruthy();
    expect(within(card('京广路总部经济和特色商业发展轴')).getByText('35 项 · 365 亿元')).toBeTruthy();
  });

  it('shows what is mapped beside it, with undisclosed investment as 未公开, never 0', () => {
    const mapped = card('嵩山路科创产业发展轴').querySelector('[data-figure="mapped"]')!;
    expect(mapped.textContent).toBe('走廊内已定位 1 项 · 披露投资 0 项：未公开');
    expect(body.textContent).not.toMatch(/0 亿元/);
  });

  it('draws the coverage as a meter with its value', () => {
    const meter = within(card('嵩山路科创产业发展轴')).getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('3.2');
  });

  it('counts the ledger, including projects not mapped', () => {
    expect(getByText(body, '台账共 18 项：已定位 6 项，未定位 12 项')).toBeTruthy();
  });

  it('lists the district figures from the report and says the zones are schematic', () => {
    expect(getByText(body, '千万元以上重大项目: 360 项 · 2,326 亿元')).toBeTruthy();
    expect(getByText(body, /三区范围为示意/)).toBeTruthy();
    expect(getByText(body, /数据截至 2023-12/)).toBeTruthy();
  });
});

describe('the axis panel (en)', () => {
  it('formats the same figures in English', () => {
    const body = mount(renderAxisPanel(aggregates, bundle.reported, 'en', LIGHT));
    const card = getByRole(body, 'region', { name: 'Songshan Road sci-tech innovation axis' });
    expect(within(card).getByText('31 projects · CNY 59.1 bn')).toBeTruthy();
    expect(card.querySelector('[data-figure="mapped"]')!.textContent).toBe('1 located in corridor · investment disclosed for 0: not disclosed');
  });
});

describe('the project popup', () => {
  it('renders data text as text, never as HTML', () => {
    const p = { ...bundle.projects[0]!, name_zh: '<img src=x onerror="window.hacked=1">', address: '<b>bold</b>' };
    const body = mount(renderProjectPopup(p, bundle.reported.sources, 'zh'));
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('b')).toBeNull();
    expect(getByText(body, '<img src=x onerror="window.hacked=1">')).toBeTruthy();
  });

  it('shows undisclosed investment and accuracy', () => {
    const p = bundle.projects.find((q) => q.id === 'yaxing-wanjia')!;
    const body = mount(renderProjectPopup(p, bundle.reported.sources, 'zh'));
    expect(getByText(body, '亚星万嘉百汇')).toBeTruthy();
    expect(getByText(body, '未公开')).toBeTruthy();
    expect(getByText(body, '± 80 米')).toBeTruthy();
    expect(getByText(body, '嵩山南路343号')).toBeTruthy();
    expect(getByText(body, /二七区委十二届五次全会暨区委经济工作会议报道.*\(2023-12\)/)).toBeTruthy();
  });
});
