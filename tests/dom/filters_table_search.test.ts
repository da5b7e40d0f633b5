import { getByLabelText, getByRole, getAllByRole } from '@testing-library/dom';
import { fixtureSources, LAYOUT, THEME } from '../helpers/fixtures.ts';
import { describe, expect, it, vi } from 'vitest';
import { DataModel } from '../../src/app/derive.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { EMPTY_FILTER, FACET_IDS } from '../../src/core/facets.ts';
import { renderFilters } from '../../src/ui/filters_panel.ts';
import { describeFilter, FACET_UI, exportFileName } from '../../src/ui/facet_controls.ts';
import { t } from '../../src/ui/strings.ts';
import { renderProjectTable, sortedOrder, sortRows, type Sort } from '../../src/ui/project_table.ts';
import { createSearchBox } from '../../src/ui/search_box.ts';

const model = new DataModel(buildBundle(fixtureSources()).value!.bundle);
const axisNames = { songshan: { zh: '嵩山路', en: 'Songshan Road' }, daxue: { zh: '大学路', en: 'Daxue Road' }, jingguang: { zh: '京广路', en: 'Jingguang Road' } };
const zoneNames = Object.fromEntries(model.zones.map((z) => [z.properties.id, { zh: z.properties.name_zh, en: z.properties.name_en }]));
const mount = (node: Element) => {
  document.body.replaceChildren(node);
  return document.body;
};

describe('the filters panel', () => {
  it('shows each option with its live count and reports a change', () => {
    const onChange = vi.fn();
    const d = model.derive(EMPTY_FILTER, 500);
    const body = mount(renderFilters({ filter: EMPTY_FILTER, counts: d.filter.counts, zones: model.zones, axisNames, lang: 'zh', theme: THEME, onChange }));
    expect(getByLabelText(body, /^运营/).parentElement!.textContent).toBe('运营 (4)');
    expect(getByLabelText(body, /^未定位/).parentElement!.textContent).toBe('未定位 (12)');
    (getByLabelText(body, /^京广路/) as HTMLInputElement).click();
    expect(onChange).toHaveBeenCalledWith({ ...EMPTY_FILTER, axes: ['jingguang'] });
    expect((getByRole(body, 'button', { name: '清除全部筛选' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('takes an investment range on change, not on every keystroke, and clears everything in one click', () => {
    const onChange = vi.fn();
    const filter = { ...EMPTY_FILTER, statuses: ['started' as const] };
    const d = model.derive(filter, 500);
    const body = mount(renderFilters({ filter, counts: d.filter.counts, zones: model.zones, axisNames, lang: 'en', theme: THEME, onChange }));
    const min = getByLabelText(body, 'min') as HTMLInputElement;
    min.value = '12.5';
    min.dispatchEvent(new Event('input'));
    expect(onChange).not.toHaveBeenCalled();
    min.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, investmentMin: 12.5 });
    getByRole(body, 'button', { name: 'Clear all filters' }).click();
    expect(onChange).toHaveBeenLastCalledWith(EMPTY_FILTER);
  });

  it('has one group per facet of the table, in its order, each with a heading', () => {
    const d = model.derive(EMPTY_FILTER, 500);
    const body = mount(renderFilters({ filter: EMPTY_FILTER, counts: d.filter.counts, zones: model.zones, axisNames, lang: 'en', theme: THEME, onChange: vi.fn() }));
    const groups = [...body.querySelectorAll('fieldset[data-facet]')];
    expect(groups.map((g) => g.getAttribute('data-facet'))).toEqual(FACET_IDS);
    expect(groups.map((g) => g.querySelector('legend')!.textContent)).toEqual(FACET_IDS.map((id) => t(FACET_UI[id].label, 'en')));
  });

  it('shows each status with the pin it is drawn as, so the filter and the legend group statuses alike', () => {
    const d = model.derive(EMPTY_FILTER, 500);
    const body = mount(renderFilters({ filter: EMPTY_FILTER, counts: d.filter.counts, zones: model.zones, axisNames, lang: 'zh', theme: THEME, onChange: vi.fn() }));
    const shape = (status: string) => {
      const circles = [...body.querySelectorAll(`label[for="f-statuses-${status}"] svg circle`)];
      // A filled disc has the axis colour inside; a ring the white inside; a centre dot is the second circle.
      return `${circles[0]!.getAttribute('fill') === THEME.pinInner ? 'ring' : 'disc'}${circles.length > 1 ? '+dot' : ''}`;
    };
    expect(['operating', 'completed', 'under_construction', 'started', 'signed', 'negotiating', 'planned', 'unknown'].map(shape)).toEqual([
      'disc', 'disc', 'disc+dot', 'disc+dot', 'ring', 'ring', 'ring', 'ring+dot',
    ]);
  });

  it('describes a filter in words for exports, with zone names rather than ids', () => {
    const words = { lang: 'zh' as const, axisNames, zones: model.zones };
    expect(describeFilter(EMPTY_FILTER, words)).toBe('');
    const south = model.zones.find((z) => z.properties.id === 'south')!.properties.name_zh;
    expect(describeFilter({ ...EMPTY_FILTER, axes: ['daxue'], zones: ['south'], investmentMin: 5, mapped: 'mapped' }, words)).toBe(
      `筛选: 大学路 · ${south} · 5– 亿元 · ${t('mappedYes', 'zh')}`,
    );
  });
});

describe('the project table', () => {
  const d = model.derive(EMPTY_FILTER, 500);
  const table = (over: { sort?: Sort; onSort?: (s: Sort) => void } = {}) => {
    const sort = over.sort ?? { key: 'name' as const, dir: 'asc' as const };
    return mount(
      renderProjectTable({
        projects: model.bundle.projects,
        placements: model.placements,
        indices: d.filter.indices,
        order: sortedOrder(model.bundle.projects, model.placements, 500, 'zh', sort, LAYOUT.axisIds),
        corridorM: 500,
        lang: 'zh',
        sort,
        selectedId: null,
        axisNames,
        zoneNames,
        onSort: () => {},
        onSelect: () => {},
        ...over,
      }),
    );
  };

  it('lists every filtered project, the unmapped ones marked', () => {
    const body = table();
    expect(getAllByRole(body, 'row')).toHaveLength(19);
    expect(body.querySelector('tr[data-project="liandong-ugu"]')!.textContent).toContain('未定位');
  });

  it('sorts by a column and says so to assistive technology', () => {
    const onSort = vi.fn();
    const body = table({ sort: { key: 'status', dir: 'asc' }, onSort });
    expect(getByRole(body, 'columnheader', { name: /状态/ }).getAttribute('aria-sort')).toBe('ascending');
    getByRole(body, 'button', { name: '按状态排序' }).click();
    expect(onSort).toHaveBeenCalledWith({ key: 'status', dir: 'desc' });
    const statuses = [...body.querySelectorAll('tbody tr')].map((r) => r.children[3]!.textContent);
    expect(statuses.slice(0, 2)).toEqual(['洽谈', '签约']);
    expect(statuses.at(-1)).toBe('未公开');
  });

  it('puts undisclosed values last in either direction', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 1 }];
    expect(sortRows(rows, (r) => r.v, 'asc', 'zh').map((r) => r.v)).toEqual([1, 2, null]);
    expect(sortRows(rows, (r) => r.v, 'desc', 'zh').map((r) => r.v)).toEqual([2, 1, null]);
  });
});

describe('the search box', () => {
  it('lists results as you type and opens one with the keyboard', () => {
    const onSelect = vi.fn();
    const box = createSearchBox(model.bundle.projects, 'zh', onSelect);
    const body = mount(box.element);
    const input = getByRole(body, 'combobox') as HTMLInputElement;
    input.value = '路';
    input.dispatchEvent(new Event('input'));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = getAllByRole(body, 'option');
    expect(options.length).toBeGreaterThan(2);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(input.getAttribute('aria-activedescendant')).toBe('search-option-1');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onSelect).toHaveBeenCalledWith(options[1]!.getAttribute('data-project'));
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('export file names', () => {
  const words = { lang: 'zh' as const, axisNames: { songshan: { zh: '嵩山路', en: 'Songshan Road' } }, zones: [] };
  it('say the data date and the filter, with nothing a file system refuses', () => {
    expect(exportFileName('2023-12', EMPTY_FILTER, words, 'csv')).toBe('二七项目-2023-12.csv');
    expect(exportFileName('2023-12', { ...EMPTY_FILTER, axes: ['songshan'], statuses: ['under_construction', 'started'] }, words, 'geojson')).toBe('二七项目-2023-12-嵩山路-在建_开工.geojson');
    expect(exportFileName('2023-12', { ...EMPTY_FILTER, axes: ['songshan'] }, { ...words, lang: 'en' }, 'png')).toBe('erqi-projects-2023-12-Songshan_Road.png');
    const long = exportFileName('2023-12', { ...EMPTY_FILTER, statuses: ['planned', 'negotiating', 'signed', 'started', 'under_construction', 'completed', 'operating', 'unknown'] }, { ...words, lang: 'en' }, 'csv');
    expect(long.length).toBeLessThanOrEqual('erqi-projects-2023-12-'.length + 80 + 4);
    expect(long).not.toMatch(/[\\/:*?"<>|\s]/);
  });
});
