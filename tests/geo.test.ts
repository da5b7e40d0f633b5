/** geo/ is derived by `npm run geo`, is current, and meets the accuracy it claims. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointToLineM, prepareLine } from '../src/core/geodesy.ts';
import { ROOT, repoFile } from '../scripts/repo.ts';

const json = <T>(path: string): T => JSON.parse(repoFile(path).text) as T;
type Vertex = { i: number; lon: number; lat: number; confidence: string };

describe('npm run geo', () => {
  it('regenerates every committed geo file byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'geo-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build_geo.ts'), '--out', out], { cwd: ROOT });
    const made = readdirSync(out).sort();
    expect(made).toEqual(['axes.geojson', 'context.geojson', 'district.geojson', 'landmarks.geojson', 'sites.geojson', 'zones.geojson']);
    for (const name of made) expect(readFileSync(join(out, name), 'utf8'), name).toBe(repoFile(`geo/${name}`).text);
  }, 30_000);
});

describe('geo/axes.geojson', () => {
  const axes = json<FeatureCollection<LineString>>('geo/axes.geojson');
  const evidence = json<FeatureCollection<LineString, { name: string; vertices: Vertex[] }>>('geo/sources/roads_evidence_wgs84.geojson');

  it('has the three axes with names, themes, accuracy and source', () => {
    expect(axes.features.map((f) => f.properties!['id'])).toEqual(['songshan', 'daxue', 'jingguang']);
    for (const f of axes.features) {
      for (const key of ['name_zh', 'name_en', 'theme_zh', 'theme_en', 'accuracy', 'source']) expect(f.properties![key]).toBeTruthy();
    }
  });

  it('passes within 60 m of every "high" confidence evidence vertex', () => {
    for (const road of evidence.features) {
      const axis = axes.features.find((a) => road.properties.name.startsWith(a.properties!['name_zh']))!;
      const line = prepareLine(axis.geometry.coordinates);
      const high = road.properties.vertices.filter((v) => v.confidence === 'high');
      expect(high.length).toBeGreaterThan(9);
      for (const v of high) expect(pointToLineM(v.lon, v.lat, line), `${axis.id} vertex ${v.i}`).toBeLessThan(60);
    }
  });
});

describe('geo/zones.geojson', () => {
  const zones = json<FeatureCollection<Polygon | MultiPolygon>>('geo/zones.geojson');
  const district = json<FeatureCollection<MultiPolygon>>('geo/district.geojson').features[0]!;

  it('is three schematic zones that say so and give their rule', () => {
    expect(zones.features).toHaveLength(3);
    for (const z of zones.features) {
      expect(z.properties!['schematic']).toBe(true);
      expect(z.properties!['rule']).toMatch(/34\.702.*34\.662/);
      expect(z.properties!['name_zh']).toContain('示意');
      expect(z.properties!['name_en']).toContain('schematic');
    }
  });

  it('lies inside the district (every vertex, to 1e-6°)', () => {
    for (const z of zones.features) {
      const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
      for (const ring of polys.flat()) {
        for (const p of ring) {
          const inside = booleanPointInPolygon([p[0]!, p[1]!], district as Feature<MultiPolygon>, { ignoreBoundary: false });
          // Vertices on the boundary itself count; allow a hair for rounding to 6 decimals.
          if (!inside) {
            const near = [[1e-6, 0], [-1e-6, 0], [0, 1e-6], [0, -1e-6]].some(([dx, dy]) =>
              booleanPointInPolygon([p[0]! + dx!, p[1]! + dy!], district as Feature<MultiPolygon>),
            );
            expect(near, `${z.properties!['id']} vertex ${p}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('geo/sites.geojson', () => {
  const sites = json<FeatureCollection>('geo/sites.geojson');
  it('gives every site its project, evidence and accuracy', () => {
    for (const s of sites.features) {
      expect(s.properties!['project_id']).toBeTruthy();
      expect(s.properties!['evidence']).toBeTruthy();
      expect(s.properties!['accuracy_m']).toBeGreaterThan(0);
    }
  });
});
