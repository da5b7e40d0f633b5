/**
 * A page's bundle load (src/load_bundle.ts) with the data build's placements: they are used when they fit, and a
 * bundle edited by hand after the data build is placed on the page, with a warning naming the file and why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataModel } from '../../src/app/derive.ts';
import { buildBundle } from '../../src/core/bundle.ts';
import type { AxisFeature, ZoneFeature } from '../../src/core/load_geo.ts';
import { corridorShares, placeProjects, prepareAxes } from '../../src/core/placement.ts';
import { loadBundle } from '../../src/load_bundle.ts';
import { fixture, fixtureSources } from '../helpers/fixtures.ts';

const built = () => buildBundle({ ...fixtureSources(), projects: { file: 'p.csv', text: fixture('shapes/projects.csv') }, sites: { file: 's.geojson', text: fixture('shapes/sites.geojson') } }).value!.bundle;
const serve = (json: unknown) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(json)));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('loading a bundle with its placements', () => {
  it('uses them: the map model places nothing again and gets the same placements', async () => {
    serve(built());
    const bundle = await loadBundle('data/bundle.json');
    expect(bundle.placements).toBeUndefined();
    expect(bundle.placed?.placements).toHaveLength(bundle.projects.length);
    const model = new DataModel(bundle);
    expect(model.placements).toBe(bundle.placed!.placements);
    expect(model.placements.all()).toEqual(placeProjects(bundle.projects, prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]).all());
    // The shares at the bundle's width come with them; another width's are computed.
    expect(model.sharesAt(bundle.corridor_m)).toBe(bundle.placed!.shares.value);
    expect(model.sharesAt(1500)).toEqual(corridorShares(bundle.projects, model.placements, model.axes, 1500));
    expect(model.sharesAt(1500)).not.toEqual(bundle.placed!.shares.value);
  });

  it('places the projects itself, with a warning, when its sites were moved by hand after the data build', async () => {
    const json = JSON.parse(JSON.stringify(built()));
    // The last point site moved 2 km east (a line's or an area's place is its geometry, not its pin).
    const points = (json.projects as Array<{ site: { lon: number; geometry?: unknown } | null }>).filter((p) => p.site && !p.site.geometry);
    points.at(-1)!.site!.lon += 0.02;
    serve(json);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bundle = await loadBundle('data/bundle.json');
    expect(bundle.placed).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^data\/bundle\.json: its placements are not used \(made for other sites than these \(was the bundle edited after npm run data\?\)\); placing the projects here$/));
    const model = new DataModel(bundle);
    expect(model.placements.all()).toEqual(placeProjects(bundle.projects, prepareAxes(bundle.axes.features as AxisFeature[]), bundle.zones.features as ZoneFeature[]).all());
  });
});
