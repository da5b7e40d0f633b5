/** The control contract (src/controls/control.ts): each control draws for the keys that changed, and only then. */
import { getByRole } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { DataModel } from '../../src/app/derive.ts';
import { createStore } from '../../src/app/store.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import { DEFAULT_STATE, type UrlState } from '../../src/core/url_state.ts';
import { runControls, type Control, type ControlContext } from '../../src/controls/control.ts';
import { corridorSlider } from '../../src/controls/corridor_slider.ts';
import { filterStatus } from '../../src/controls/filter_status.ts';
import { projectCard } from '../../src/controls/project_card.ts';
import { tabs } from '../../src/controls/tabs.ts';
import { fixtureSources, THEME } from '../helpers/fixtures.ts';

const bundle = buildBundle(fixtureSources()).value!.bundle;
const model = new DataModel(bundle);
const context = (initial: Partial<UrlState> = {}): ControlContext => ({
  bundle,
  model,
  store: createStore<UrlState>({ ...DEFAULT_STATE, ...initial }),
  theme: THEME,
  selectProject: vi.fn(),
  selectAxis: vi.fn(),
});
/** A control that records the keys it was told about. */
const recorder = (name: string) => {
  const heard: string[][] = [];
  const control: Control = {
    element: document.createElement('div'),
    update: (_s, changed) => heard.push((['lang', 'corridor', 'filter', 'selection', 'view'] as const).filter((k) => changed(k))),
    destroy: vi.fn(),
  };
  control.element.textContent = name;
  return { control, heard };
};

describe('controls', () => {
  it('the corridor slider shows the width in the interface language, and a released drag is one history entry', () => {
    const ctx = context();
    const slider = corridorSlider(ctx);
    document.body.replaceChildren(slider.element);
    const stop = runControls(ctx.store, [slider]);
    expect(slider.element.textContent).toContain('走廊半宽');
    const box = getByRole(document.body, 'spinbutton') as HTMLInputElement;
    expect(box.value).toBe('500');
    expect(box.getAttribute('aria-label')).toBe('走廊半宽 (米)');
    const pushes: string[] = [];
    ctx.store.subscribe((s, _p, how) => pushes.push(`${how} ${s.corridor}`));
    const input = getByRole(document.body, 'slider') as HTMLInputElement;
    input.value = '1500';
    input.dispatchEvent(new Event('change'));
    expect(pushes).toEqual(['push 1500']);
    expect(box.value).toBe('1500');
    // What the change moved, said once it is let go of.
    expect(slider.element.querySelector('.corridor-change')!.textContent).toMatch(/^500 米 → 1,500 米：/);
    // A preset, and a typed width off the 50 m steps: each one entry, rounded.
    getByRole(document.body, 'button', { name: '1,000 米' }).click();
    box.value = '777';
    box.dispatchEvent(new Event('change'));
    expect(pushes).toEqual(['push 1500', 'push 1000', 'push 800']);
    expect(getByRole(document.body, 'button', { name: '1,000 米' }).getAttribute('aria-pressed')).toBe('false');
    ctx.store.set({ lang: 'en' });
    expect(slider.element.querySelector('.corridor-unit')!.textContent).toBe('m');
    expect(getByRole(document.body, 'button', { name: '1,500 m' })).toBeTruthy();
    expect(slider.element.textContent).toContain('Corridor half-width');
    stop();
  });

  it('tabs draw only the open panel; a hidden one hears, when opened, every key that changed meanwhile', () => {
    const ctx = context();
    const overview = recorder('overview');
    const filters = recorder('filters');
    const list = recorder('list');
    const area = tabs(ctx.store, { overview: overview.control, filters: filters.control, list: list.control });
    document.body.replaceChildren(area.element);
    const stop = runControls(ctx.store, [area]);
    ctx.store.set({ corridor: 1000 });
    ctx.store.set({ lang: 'en' });
    ctx.store.set({ view: { center: [113.6, 34.7], zoom: 12, bearing: 0 } });
    expect(overview.heard.length).toBe(4);
    expect(list.heard).toEqual([]);
    getByRole(document.body, 'tab', { name: 'List' }).click();
    // Its first draw: everything.
    expect(list.heard).toEqual([['lang', 'corridor', 'filter', 'selection', 'view']]);
    ctx.store.set({ filter: { ...ctx.store.get().filter, statuses: ['operating'] } });
    expect(list.heard.at(-1)).toEqual(['filter']);
    expect(overview.heard.length).toBe(4);
    getByRole(document.body, 'tab', { name: 'Overview' }).click();
    expect(overview.heard.at(-1)).toEqual(['filter']);
    expect(getByRole(document.body, 'tabpanel').textContent).toBe('overview');
    stop();
    expect(overview.control.destroy).toHaveBeenCalled();
  });

  it('the card opens for a selected project, follows the language and closes with the selection', () => {
    const ctx = context();
    const onClose = vi.fn();
    const card = projectCard(ctx, { link: (s) => `#${s.selection.kind}`, onClose });
    const stop = runControls(ctx.store, [card]);
    expect(card.element.childElementCount).toBe(0);
    const p = bundle.projects.find((x) => x.site)!;
    ctx.store.set({ selection: { kind: 'project', id: p.id } });
    expect(card.element.textContent).toContain(p.name_zh);
    const before = card.element.firstElementChild;
    ctx.store.set({ view: { center: [113.6, 34.7], zoom: 12, bearing: 0 } });
    expect(card.element.firstElementChild).toBe(before);
    ctx.store.set({ selection: { kind: 'none' } });
    expect(card.element.childElementCount).toBe(0);
    stop();
  });

  it('the filter status appears with a filter, counts what it shows, and clears it', () => {
    const ctx = context();
    const status = filterStatus(ctx);
    document.body.replaceChildren(status.element);
    const stop = runControls(ctx.store, [status]);
    expect(status.element.hidden).toBe(true);
    ctx.store.set({ filter: { ...ctx.store.get().filter, statuses: ['operating'] } });
    expect(status.element.hidden).toBe(false);
    const shown = model.derive(ctx.store.get().filter, 500).filter.indices.length;
    expect(status.element.textContent).toContain(String(shown));
    // A chip for the facet set, and the button that clears them all.
    expect(getByRole(document.body, 'button', { name: '移除筛选：状态: 运营' }).textContent).toBe('运营 ×');
    getByRole(document.body, 'button', { name: '清除筛选' }).click();
    expect(status.element.hidden).toBe(true);
    expect(ctx.store.get().filter.statuses).toEqual([]);
    stop();
  });
});
