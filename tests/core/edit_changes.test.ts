/** The editor's change log, replayed over published data, and the ledger files written back (src/edit). */
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/core/bundle.ts';
import { loadProjects } from '../../src/core/load_projects.ts';
import { parseCsv } from '../../src/core/csv.ts';
import type { Site } from '../../src/core/model.ts';
import { fieldsChange, replay, siteChange, type Change } from '../../src/edit/changes.ts';
import { changesCsv, ledgerCsv, parseChangesCsv, sitesGeoJson, sitesTouched } from '../../src/edit/ledger_files.ts';
import gcoord from 'gcoord';
import { crsHint, knownPlaces, placesFor } from '../../src/edit/places.ts';
import { fixtureSources } from '../helpers/fixtures.ts';

const sources = fixtureSources();
const { bundle } = buildBundle(sources).value!;
const published = bundle.projects;
const unmapped = published.find((p) => !p.site)!;
const mapped = published.find((p) => p.site && !p.site.geometry)!;
const placed: Site = { project_id: unmapped.id, feature: -1, lon: 113.65, lat: 34.73, accuracy_m: 100, place: '大学路淮河路口', confidence: null, evidence: 'red-line plan 2023-05', evidence_zh: '红线图 2023-05' };

describe('the change log', () => {
  it('locates a project, changes its fields and undoes nothing it did not touch', () => {
    const locate = siteChange(unmapped, placed, '2026-11-27T10:00:00Z')!;
    const status = fieldsChange(mapped, { status: 'completed', investment_total_yi: 12.5 }, '2026-11-27T10:01:00Z')!;
    expect(status.kind === 'fields' && status.before).toEqual({ status: mapped.status, investment_total_yi: mapped.investment_total_yi ?? null });
    const { projects, stale } = replay(published, [locate, status]);
    expect(stale).toEqual([]);
    expect(projects.find((p) => p.id === unmapped.id)!.site).toEqual(placed);
    expect(projects.find((p) => p.id === mapped.id)).toMatchObject({ status: 'completed', investment_total_yi: 12.5 });
    // Everything else is the published object itself.
    expect(projects.filter((p) => p.id !== unmapped.id && p.id !== mapped.id)).toEqual(published.filter((p) => p.id !== unmapped.id && p.id !== mapped.id));
    expect(published.find((p) => p.id === unmapped.id)!.site).toBeNull();
  });

  it('makes no change where nothing differs', () => {
    expect(siteChange(mapped, mapped.site)).toBeNull();
    expect(fieldsChange(mapped, { status: mapped.status })).toBeNull();
  });

  it('adds and deletes projects, and lists a change made over data that has since changed', () => {
    const added = { ...unmapped, id: 'new-park', name_zh: '新园区', site: null };
    const changes: Change[] = [
      { kind: 'add', id: 'new-park', after: added, at: 'x' },
      { kind: 'delete', id: mapped.id, before: mapped, at: 'x' },
    ];
    const { projects } = replay(published, changes);
    expect(projects.map((p) => p.id)).toContain('new-park');
    expect(projects.map((p) => p.id)).not.toContain(mapped.id);
    expect(projects.length).toBe(published.length);
    // The published ledger moved on under an edit: applied (the latest edit wins) and listed.
    const moved = published.map((p) => (p.id === mapped.id ? { ...p, status: 'under_construction' as const } : p));
    const edit = fieldsChange(mapped, { status: 'completed' })!;
    const result = replay(moved, [edit]);
    expect(result.stale).toEqual([edit]);
    expect(result.projects.find((p) => p.id === mapped.id)!.status).toBe('completed');
  });
});

describe('the ledger files written back', () => {
  it('writes the published ledger and sites byte for byte when nothing changed', () => {
    expect(ledgerCsv(published)).toBe(sources.projects.text);
    expect(sitesGeoJson(published, sources.sites.text, new Set(), 'edit')).toBe(sources.sites.text);
  });

  it('writes edits that the data build reads back into the same projects', () => {
    const changes = [siteChange(unmapped, placed)!, fieldsChange(mapped, { investment_total_yi: 3.25 })!];
    const { projects } = replay(published, changes);
    const csv = ledgerCsv(projects);
    const sites = sitesGeoJson(projects, sources.sites.text, sitesTouched(changes), 'editor 2026-11-27');
    const rebuilt = buildBundle({ ...sources, projects: { ...sources.projects, text: csv }, sites: { ...sources.sites, text: sites } });
    expect(rebuilt.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const again = rebuilt.value!.bundle.projects;
    expect(again.find((p) => p.id === unmapped.id)!.site).toMatchObject({ lon: 113.65, lat: 34.73, accuracy_m: 100, evidence_zh: '红线图 2023-05' });
    expect(again.find((p) => p.id === mapped.id)!.investment_total_yi).toBe(3.25);
    expect(loadProjects('projects.csv', csv, bundle.axes.features.map((a) => a.properties.id)).issues).toEqual([]);
  });

  it('writes the change log as CSV and reads it back', () => {
    const changes = [{ ...siteChange(unmapped, placed, '2026-11-27T10:00:00Z')!, seq: 1 }, { ...fieldsChange(mapped, { note: 'a "quoted", note' }, '2026-11-27T10:01:00Z')!, seq: 2 }];
    const text = changesCsv(changes);
    const [head, ...rows] = parseCsv(text).rows.map((r) => r.fields);
    const back = parseChangesCsv(rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? '']))));
    expect('changes' in back && back.changes).toEqual(changes.map(({ seq: _s, ...c }) => c));
    expect(parseChangesCsv([{ kind: 'move', project_id: 'x' }])).toEqual({ error: 'kind must be site, fields, add or delete, with a project_id', row: 2 });
  });
});

describe('places the editor suggests, and the coordinate-system hint', () => {
  const places = knownPlaces(bundle.landmarks, published);
  const byId = (id: string) => published.find((p) => p.id === id)!;

  it('suggests the landmarks and located places a project names', () => {
    expect(placesFor(byId('bibo-antiques'), places).map((p) => p.name)).toEqual(['碧波园（片区）']);
    expect(placesFor(byId('erqi-square-tunnel'), places).map((p) => p.name)).toContain('二七广场');
    // Not the same site merely because a brand matches (杉杉国际名品时尚中心 is not 杉杉奥莱).
    expect(placesFor(byId('shanshan-fashion'), places)).toEqual([]);
  });

  it('says typed WGS84 coordinates are GCJ-02 when only that reading puts them on the named place', () => {
    const square = places.find((p) => p.name === '二七广场')!;
    const [gx, gy] = gcoord.transform([square.lon, square.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const hint = crsHint(gx, gy, 'wgs84', [square]);
    expect(hint).toMatchObject({ crs: 'gcj02', place: '二七广场' });
    expect(hint!.typedM).toBeGreaterThan(400);
    expect(hint!.suggestedM).toBeLessThan(5);
    // Read as GCJ-02 they are right: nothing to say. Far from every reading: nothing either.
    expect(crsHint(gx, gy, 'gcj02', [square])).toBeNull();
    expect(crsHint(square.lon + 0.05, square.lat, 'wgs84', [square])).toBeNull();
  });
});
