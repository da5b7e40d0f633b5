import { describe, expect, it } from 'vitest';
import { loadAxes, loadSites, loadZones } from '../../src/core/load_geo.ts';
import { fixture } from '../helpers/fixtures.ts';
import { repoFile } from '../../scripts/repo.ts';

const FILE = 'tests/fixtures/sites_bad.geojson';

describe('loadSites', () => {
  const { value, issues } = loadSites(FILE, fixture('sites_bad.geojson'));
  const at = (feature: number) => issues.filter((i) => i.feature === feature);

  it('keeps the plausible sites (a line, with its pin halfway), the 3-D one without its altitude', () => {
    expect(value.map((s) => [s.project_id, s.lon, s.lat])).toEqual([
      ['ok-1', 113.638, 34.72],
      ['a-line', 113.635, 34.725],
      ['three-d', 113.6381, 34.7201],
    ]);
    expect(value[1]!.geometry).toEqual({ type: 'LineString', coordinates: [[113.63, 34.72], [113.64, 34.73]] });
    expect(value[0]!.geometry).toBeUndefined();
  });

  it.each([
    [1, 'geometry', /looks like \[lat, lon\].*\[113\.638, 34\.72\]/],
    [2, 'geometry', /outside Zhengzhou/],
    [3, 'geometry', /missing/],
    [5, 'project_id', /'ok-1' already has a site \(features\[0\]\)/],
    [6, 'project_id', /project_id is required/],
    [8, 'geometry', /coordinates of a Point must be numbers/],
  ])('features[%i]: %s — %s', (feature, field, message) => {
    expect(at(feature)).toEqual([
      expect.objectContaining({ file: FILE, feature, field, severity: 'error', message: expect.stringMatching(message) }),
    ]);
  });

  it('warns that an altitude is ignored', () => {
    expect(at(7)).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/altitude/) })]);
  });

  it('reports text that is not JSON, and JSON that is not a FeatureCollection', () => {
    expect(loadSites('t.geojson', '{"type":"FeatureCollection","features":[').issues[0]!.message).toMatch(/not valid JSON/);
    expect(loadSites('t.geojson', '{"type":"Feature"}').issues[0]!.message).toMatch(/FeatureCollection/);
  });

  it('reads the shipped sites with no issue', () => {
    const { file, text } = repoFile('geo/sites.geojson');
    const loaded = loadSites(file, text);
    expect(loaded.issues).toEqual([]);
    expect(loaded.value).toHaveLength(7);
  });
});

describe('loadSites with lines and areas: the bad-geometry corpus', () => {
  const FILE2 = 'tests/fixtures/sites_bad_shapes.geojson';
  const { value, issues } = loadSites(FILE2, fixture('sites_bad_shapes.geojson'));

  it('keeps a line, a polygon with a hole and a MultiPolygon', () => {
    expect(value.map((s) => [s.project_id, s.geometry?.type])).toEqual([
      ['ok-line', 'LineString'],
      ['ok-holed', 'Polygon'],
      ['ok-multi', 'MultiPolygon'],
    ]);
  });

  it.each([
    [3, 'the line has 1 position; a line needs at least 2'],
    [4, 'the line has zero length (all its positions are one place): use a Point'],
    [5, 'the outline is not closed: repeat its first position [113.62, 34.7] at the end'],
    [6, 'the outline has 3 positions; a ring needs at least 4 (3 corners and the first repeated at the end)'],
    [7, 'the outline has zero area (its positions lie on one line): use a LineString'],
    [8, 'the outline crosses itself near [113.625000, 34.705000]: redraw it so its edges do not cross'],
    [9, 'hole 1 crosses itself near [113.625000, 34.705000]: redraw it so its edges do not cross'],
    [10, 'position 2: [0, 0] is outside Zhengzhou (lon 112.66–114.27, lat 34.22–35.04)'],
    [11, 'position 2: [34.7, 113.63] looks like [lat, lon]: GeoJSON wants [longitude, latitude], i.e. [113.63, 34.7]'],
    [12, 'has no positions: give at least one [longitude, latitude]'],
    [13, 'type must be one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, got "GeometryCollection"'],
    [14, 'coordinates of a LineString must be numbers nested as [[lon, lat], [lon, lat], …]'],
    [15, 'line 2 has 1 position; a line needs at least 2'],
    [16, 'the outline crosses itself near [113.630000, 34.705000]: redraw it so its edges do not cross'],
    [17, 'coordinates of a Polygon must be numbers nested as [[[lon, lat], …]] (rings: the outline first, then any holes)'],
  ])('features[%i] is refused: %s', (feature, message) => {
    expect(issues.filter((i) => i.feature === feature)).toEqual([{ file: FILE2, feature, field: 'geometry', message, severity: 'error' }]);
  });
});

describe('loadAxes', () => {
  it('reads the three shipped axes', () => {
    const { file, text } = repoFile('geo/axes.geojson');
    const { value, issues } = loadAxes(file, text);
    expect(issues).toEqual([]);
    expect(value.map((a) => a.properties.id)).toEqual(['songshan', 'daxue', 'jingguang']);
  });

  it('takes any number of axes with any ids: the layout is data', () => {
    const fc = JSON.parse(repoFile('geo/axes.geojson').text);
    fc.features = fc.features.slice(0, 2);
    fc.features[1].properties.id = 'ring-2';
    const { value, issues } = loadAxes('a.geojson', JSON.stringify(fc));
    expect(issues).toEqual([]);
    expect(value.map((a) => a.properties.id)).toEqual(['songshan', 'ring-2']);
  });

  it('refuses an id that cannot go into a link, a duplicate id, and a file with no axis', () => {
    const fc = JSON.parse(repoFile('geo/axes.geojson').text);
    fc.features[1].properties.id = 'Daxue Road';
    fc.features[2].properties.id = 'songshan';
    const { issues } = loadAxes('a.geojson', JSON.stringify(fc));
    expect(issues).toEqual([
      expect.objectContaining({ feature: 1, field: 'id', message: expect.stringMatching(/^axis id must be lower-case letters/) }),
      expect.objectContaining({ feature: 2, field: 'id', message: "duplicate axis id 'songshan'" }),
    ]);
    expect(loadAxes('a.geojson', '{"type":"FeatureCollection","features":[]}').issues).toEqual([
      expect.objectContaining({ file: 'a.geojson', message: expect.stringMatching(/has no axis/) }),
    ]);
  });
});

describe('loadZones', () => {
  it('reads the shipped zones, all marked schematic', () => {
    const { file, text } = repoFile('geo/zones.geojson');
    const { value, issues } = loadZones(file, text);
    expect(issues).toEqual([]);
    expect(value.map((z) => [z.properties.id, z.properties.schematic])).toEqual([
      ['north', true],
      ['central', true],
      ['south', true],
    ]);
  });

  it('requires every zone to say whether it is schematic', () => {
    const fc = JSON.parse(repoFile('geo/zones.geojson').text);
    delete fc.features[2].properties.schematic;
    expect(loadZones('z.geojson', JSON.stringify(fc)).issues).toEqual([
      expect.objectContaining({ feature: 2, field: 'schematic', message: expect.stringMatching(/true or false/) }),
    ]);
  });
});
