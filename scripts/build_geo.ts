/**
 * `npm run geo` — derives every file in geo/ from the copies in geo/sources/.
 *
 * Inputs (byte-for-byte copies from shared/geo-sources, provenance in geo/SOURCES.md):
 *   gmap_410103.json             二七区 boundary, GCJ-02 (DataV GeoAtlas)
 *   GeoJsons_410100_full.json    the 12 units of 郑州市, GCJ-02, simplified
 *   roads_evidence_wgs84.geojson evidence-built axis lines, WGS84, one evidence record per vertex
 *   pois_wgs84.csv               named places, WGS84, with confidence and evidence
 *   foodgis_二七区.csv            AMap restaurant POIs with street addresses, GCJ-02 (places a project by the shops in it)
 *
 * The output is deterministic: same inputs, same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import gcoord from 'gcoord';
import { intersect } from '@turf/intersect';
import { featureCollection, polygon } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { parseCsv } from '../src/core/csv.ts';
import { SCHEMATIC_ZONE_RULE, SCHEMATIC_ZONE_RULE_SHORT, ZONE_CUTS } from './zones_rule.ts';

const GEO_DIR = join(import.meta.dirname, '..', 'geo');
const SRC = join(GEO_DIR, 'sources');
/** `npm run geo -- --out DIR` writes elsewhere (the tests use it to check the committed files are current). */
const { out: GEO } = parseArgs({ options: { out: { type: 'string', default: GEO_DIR } } }).values;

const readJson = (name: string): unknown => JSON.parse(readFileSync(join(SRC, name), 'utf8'));

/** 6 decimals of a degree ≈ 0.1 m: far below the sources' accuracy. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function roundCoords<T>(coords: T): T {
  if (typeof (coords as unknown[])[0] === 'number') return (coords as number[]).map(round6) as T;
  return (coords as unknown[]).map((c) => roundCoords(c)) as T;
}

function gcjToWgs<G extends Polygon | MultiPolygon>(geometry: G): G {
  // gcoord's own GeoJSON types differ from @types/geojson; the shape is the same.
  const converted = gcoord.transform(structuredClone(geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as G;
  return { ...converted, coordinates: roundCoords(converted.coordinates) } as G;
}

function write(name: string, fc: FeatureCollection): void {
  mkdirSync(GEO, { recursive: true });
  writeFileSync(join(GEO, name), JSON.stringify(fc, null, 1) + '\n');
  console.log(`${relative(process.cwd(), join(GEO, name))}: ${fc.features.length} features`);
}

// ---------------------------------------------------------------- district and context
const BOUNDARY_SOURCE = 'tnnevol/gmap 410103.json @ b248aaae (2019-11), DataV GeoAtlas';
const CONTEXT_SOURCE = 'anzhou99/GeoJsons 410100_full.json @ ae330471 (2021-08), simplified';
const CRS_NOTE = 'GCJ-02 → WGS84 with gcoord 1.0.7';

const gmap = readJson('gmap_410103.json') as Feature<MultiPolygon, { adcode: number; name: string }>[];
const erqi = gmap[0];
if (!erqi || erqi.properties.adcode !== 410103) throw new Error('gmap_410103.json: expected the 二七区 feature first');
const districtGeometry = gcjToWgs(erqi.geometry);
write(
  'district.geojson',
  featureCollection([
    {
      type: 'Feature',
      id: 'erqi',
      properties: {
        id: 'erqi',
        adcode: 410103,
        name_zh: '二七区',
        name_en: 'Erqi District',
        source: BOUNDARY_SOURCE,
        crs_note: CRS_NOTE,
        accuracy_m: 10,
        accuracy: 'administrative outline as published by DataV GeoAtlas (2019); 2–5 m from independent bus-stop positions where it follows 嵩山路',
      },
      geometry: districtGeometry,
    },
  ]),
);

const NAME_EN: Record<number, string> = {
  410102: 'Zhongyuan',
  410104: 'Guancheng',
  410105: 'Jinshui',
  410106: 'Shangjie',
  410108: 'Huiji',
  410122: 'Zhongmu',
  410181: 'Gongyi',
  410182: 'Xingyang',
  410183: 'Xinmi',
  410184: 'Xinzheng',
  410185: 'Dengfeng',
};
const city = readJson('GeoJsons_410100_full.json') as FeatureCollection<
  MultiPolygon | Polygon,
  { adcode: number; name: string }
>;
write(
  'context.geojson',
  featureCollection(
    city.features
      .filter((f) => f.properties.adcode !== 410103)
      .map((f) => ({
        type: 'Feature' as const,
        id: f.properties.adcode,
        properties: {
          adcode: f.properties.adcode,
          name_zh: f.properties.name,
          name_en: NAME_EN[f.properties.adcode] ?? '',
          source: CONTEXT_SOURCE,
          crs_note: CRS_NOTE,
          accuracy: 'simplified outline, for orientation only',
        },
        geometry: gcjToWgs(f.geometry),
      })),
  ),
);

// ---------------------------------------------------------------- axes
interface Vertex {
  i: number;
  lon: number;
  lat: number;
  confidence: string;
  evidence: string;
}
const AXES = [
  {
    id: 'songshan',
    road: '嵩山路',
    name_zh: '嵩山路',
    name_en: 'Songshan Road',
    theme_zh: '嵩山路科创产业发展轴',
    theme_en: 'Songshan Road sci-tech innovation axis',
  },
  {
    id: 'daxue',
    road: '大学路',
    name_zh: '大学路',
    name_en: 'Daxue Road',
    theme_zh: '大学路健康服务及消费提质发展轴',
    theme_en: 'Daxue Road health services & consumption upgrade axis',
  },
  {
    id: 'jingguang',
    road: '京广路',
    name_zh: '京广路',
    name_en: 'Jingguang Road',
    theme_zh: '京广路总部经济和特色商业发展轴',
    theme_en: 'Jingguang Road headquarters economy & characteristic commerce axis',
  },
] as const;

const roads = readJson('roads_evidence_wgs84.geojson') as FeatureCollection<
  LineString,
  { name: string; vertices: Vertex[] }
>;
write(
  'axes.geojson',
  featureCollection(
    AXES.map((axis): Feature<LineString> => {
      const road = roads.features.find((f) => f.properties.name.startsWith(axis.road));
      if (!road) throw new Error(`roads_evidence_wgs84.geojson: no road named ${axis.road}`);
      const vertices = road.properties.vertices;
      const confidences = vertices.map((v) => v.confidence.split(' ')[0]);
      return {
        type: 'Feature',
        id: axis.id,
        properties: {
          id: axis.id,
          name_zh: axis.name_zh,
          name_en: axis.name_en,
          theme_zh: axis.theme_zh,
          theme_en: axis.theme_en,
          accuracy_m_min: 20,
          accuracy_m_max: 250,
          accuracy:
            'APPROXIMATE evidence-built centreline: 20–40 m at bus-stop vertices, 100–250 m at the southern ends; straight between vertices (up to 2.3 km apart). Schematic use at zoom ≤ 15.',
          source:
            'shared/geo-sources roads_evidence_wgs84.geojson: 2013 bus stops (chinpeng/zhengzhoubus @ cc223b2b, BD-09) and AMap POIs (GCJ-02), converted with gcoord 1.0.7',
          vertex_confidence: {
            high: confidences.filter((c) => c === 'high').length,
            medium: confidences.filter((c) => c === 'medium').length,
            low: confidences.filter((c) => c === 'low').length,
          },
          vertices: vertices.map((v) => ({ i: v.i, confidence: v.confidence, evidence: v.evidence })),
        },
        geometry: { type: 'LineString', coordinates: vertices.map((v) => [round6(v.lon), round6(v.lat)]) },
      };
    }),
  ),
);

// ---------------------------------------------------------------- zones (schematic)
// Bands by latitude, intersected with the district. Bands run far east/west so only the district clips.
const band = (south: number, north: number) =>
  polygon([[[113.0, south], [114.5, south], [114.5, north], [113.0, north], [113.0, south]]]);
const districtFeature = { type: 'Feature', properties: {}, geometry: districtGeometry } as Feature<MultiPolygon>;
write(
  'zones.geojson',
  featureCollection(
    ZONE_CUTS.map((zone) => {
      const clipped = intersect(featureCollection<Polygon | MultiPolygon>([districtFeature, band(zone.south, zone.north)]));
      if (!clipped) throw new Error(`zone ${zone.id}: empty after clipping to the district`);
      return {
        type: 'Feature' as const,
        id: zone.id,
        properties: {
          id: zone.id,
          name_zh: zone.name_zh,
          name_en: zone.name_en,
          schematic: true,
          rule: SCHEMATIC_ZONE_RULE,
          rule_zh: SCHEMATIC_ZONE_RULE_SHORT.zh,
          rule_en: SCHEMATIC_ZONE_RULE_SHORT.en,
          source: 'schematic: district boundary (geo/district.geojson) cut at ring-road latitudes from bus stops; NOT an official zone',
        },
        geometry: { ...clipped.geometry, coordinates: roundCoords(clipped.geometry.coordinates) } as Polygon | MultiPolygon,
      };
    }),
  ),
);

// ---------------------------------------------------------------- sites and landmarks
const poiTable = parseCsv(readFileSync(join(SRC, 'pois_wgs84.csv'), 'utf8'));
if (poiTable.issues.length) throw new Error(`pois_wgs84.csv: ${poiTable.issues[0]?.message}`);
const [poiHeader, ...poiRows] = poiTable.rows;
if (!poiHeader) throw new Error('pois_wgs84.csv: empty');
const col = (name: string): number => {
  const i = poiHeader.fields.indexOf(name);
  if (i < 0) throw new Error(`pois_wgs84.csv: no column ${name}`);
  return i;
};
const pois = poiRows.map((r) => ({
  name: r.fields[col('name')]!,
  lon: Number(r.fields[col('wgs84_lon')]),
  lat: Number(r.fields[col('wgs84_lat')]),
  source_crs: r.fields[col('source_crs')]!,
  source_lon: Number(r.fields[col('source_lon')]),
  source_lat: Number(r.fields[col('source_lat')]),
  confidence: r.fields[col('confidence')]!,
  evidence: r.fields[col('evidence')]!,
}));
function poi(prefix: string) {
  const found = pois.filter((p) => p.name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`pois_wgs84.csv: expected one place named ${prefix}…, found ${found.length}`);
  return found[0]!;
}

function pointFromPoi(prefix: string, props: Record<string, unknown>): Feature<Point> {
  const p = poi(prefix);
  return {
    type: 'Feature',
    properties: {
      ...props,
      place: p.name,
      confidence: p.confidence,
      evidence: p.evidence,
      source_crs: p.source_crs,
      source_coordinates: [p.source_lon, p.source_lat],
      source: 'shared/geo-sources pois_wgs84.csv',
    },
    geometry: { type: 'Point', coordinates: [round6(p.lon), round6(p.lat)] },
  };
}

// Which located place is which project's site. Only places that ARE the project (or, for the tunnel,
// its surroundings) — a project whose site no source gives stays unmapped in data/projects.csv.
const siteFeatures: Feature<Point>[] = [
  pointFromPoi('亚细亚卓悦城', { project_id: 'yaxiya-zhuoyue', accuracy_m: 50 }),
  pointFromPoi('中铁·泰和里', { project_id: 'crec-taihe', accuracy_m: 80 }),
  pointFromPoi('亚星万嘉百汇', { project_id: 'yaxing-wanjia', accuracy_m: 80 }),
  pointFromPoi('德化步行街', { project_id: 'dehua-street', accuracy_m: 150 }),
  pointFromPoi('二七广场', {
    project_id: 'erqi-square-tunnel',
    accuracy_m: 300,
    location_note: 'the tunnel runs under the 二七广场 area; pin at the square’s bus stop, not at the tunnel itself',
  }),
];

// 二七投控中部数字科创城: "大学南路与桂江路交叉口" (Zhengzhou Daily, dzb.zzrbnews.com/news/94171.html).
// 大学南路's longitude there is interpolated on the 大学路 axis; 桂江路's latitude is that of the
// 嵩山南路/桂江路 junction vertex (medium ±150 m). Which corner of the junction is not stated.
{
  const daxue = roads.features.find((f) => f.properties.name.startsWith('大学路'))!;
  const guijiang = roads.features
    .find((f) => f.properties.name.startsWith('嵩山路'))!
    .properties.vertices.find((v) => v.evidence.includes('桂江路'))!;
  const line = daxue.geometry.coordinates as Position[];
  const k = line.findIndex((c, i) => i > 0 && c[1]! <= guijiang.lat && line[i - 1]![1]! > guijiang.lat);
  const [a, b] = [line[k - 1]!, line[k]!];
  const t = (guijiang.lat - a[1]!) / (b[1]! - a[1]!);
  siteFeatures.push({
    type: 'Feature',
    properties: {
      project_id: 'digital-sci-tech-city',
      accuracy_m: 250,
      place: '大学南路与桂江路交叉口',
      confidence: 'medium (±250 m): junction constructed from the 大学路 axis and the 桂江路 latitude; which corner is not published',
      evidence: `大学南路 lon interpolated on 大学路 vertices ${k - 1}–${k}; 桂江路 lat from 嵩山南路/桂江路 junction (${guijiang.confidence})`,
      evidence_zh: `大学南路经度按大学路第 ${k - 1}–${k} 个节点插值；桂江路纬度取嵩山南路/桂江路路口（${guijiang.confidence.replace(/^medium/, '中等精度').replace(/^high/, '高精度').replace(/^low/, '低精度').replace(/ m\b/g, ' 米')}）`,
      source_crs: 'WGS84',
      source: 'Zhengzhou Daily (dzb.zzrbnews.com/news/94171.html); geo/sources/roads_evidence_wgs84.geojson',
    },
    geometry: { type: 'Point', coordinates: [round6(a[0]! + t * (b[0]! - a[0]!)), round6(guijiang.lat)] },
  });
}
// 二七米房时尚创意街区: "位于赣江路与行云路交叉口西南角,占地31亩" (新华网河南频道/郑州晚报, 2024-04-11). The shops inside it
// name it in their POI name or address (…二七米房店, 二七米房时尚创意街区B区…): their median, GCJ-02 → WGS84. One POI
// with the same address lies 1.6 km away (a mislocated entry): POIs over 300 m from the first median are left out.
{
  const table = parseCsv(readFileSync(join(SRC, 'foodgis_二七区.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const [head, ...rows] = table.rows;
  const at = (name: string) => head!.fields.findIndex((h) => h.startsWith(name));
  const [iName, iAddr, iLon, iLat] = [at('POI名称'), at('详细地址'), at('经度'), at('纬度')];
  const shops = rows
    .filter((r) => /米房/.test(r.fields[iName]!) || /米房/.test(r.fields[iAddr]!))
    .map((r) => [Number(r.fields[iLon]), Number(r.fields[iLat])] as [number, number]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const centre = (ps: Array<[number, number]>): [number, number] => [median(ps.map((p) => p[0])), median(ps.map((p) => p[1]))];
  const metres = (a: [number, number], b: [number, number]) => Math.hypot((a[0] - b[0]) * 91_500, (a[1] - b[1]) * 110_950);
  const first = centre(shops);
  const inside = shops.filter((p) => metres(p, first) <= 300);
  const gcj = centre(inside);
  const spread = Math.max(...inside.map((p) => metres(p, gcj)));
  const [lon, lat] = gcoord.transform(gcj, gcoord.GCJ02, gcoord.WGS84) as [number, number];
  siteFeatures.push({
    type: 'Feature',
    properties: {
      project_id: 'erqi-mifang',
      accuracy_m: 100,
      place: '二七米房时尚创意街区 (赣江路与行云路交叉口西南角, 占地31亩)',
      confidence: `high (±100 m): the ${inside.length} shops lie within ${Math.round(spread)} m of their median; the 31 亩 (≈2 ha) plot is ~150 m across`,
      evidence: `median of ${inside.length} foodgis POIs naming 二七米房 in their name or address (${shops.length - inside.length} more than 300 m away left out)`,
      evidence_zh: `名称或地址含“二七米房”的 ${inside.length} 个高德餐饮 POI（foodgis）坐标的中位数（另有 ${shops.length - inside.length} 个相距 300 米以上，已排除）`,
      source_crs: 'GCJ-02',
      source_coordinates: [round6(gcj[0]), round6(gcj[1])],
      source: 'geo/sources/foodgis_二七区.csv (wcw172506-collab/zhengzhou-food-gis @ 0f795b3a); 新华网河南频道 2024-04-11 (ha.news.cn/20240411/ba8384412ed74939aa1b6649c124e960/c.html)',
    },
    geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
  });
}
// The evidence in Chinese, for the Chinese interface (the English is the record; this says the same).
const EVIDENCE_ZH: Record<string, string> = {
  'yaxiya-zhuoyue': '商场内 46 个高德餐饮 POI（foodgis）坐标的中位数',
  'crec-taihe': '21 个高德餐饮 POI（foodgis）坐标的中位数',
  'yaxing-wanjia': '10 个高德餐饮 POI（foodgis）坐标的中位数',
  'dehua-street': '地址为德化步行街的 13 个高德餐饮 POI（foodgis）坐标的中位数',
  'erqi-square-tunnel':
    '“二七广场”公交站（27 条记录）：是服务广场的站点，并非纪念塔本身。未找到给出纪念塔位置的来源；亚细亚卓悦城位于“二七纪念塔东侧”，故纪念塔在该站与亚细亚之间（相距约 300 米）',
};
for (const f of siteFeatures) {
  const p = f.properties as Record<string, unknown>;
  const zh = EVIDENCE_ZH[p['project_id'] as string] ?? (p['evidence_zh'] as string | undefined);
  if (!zh) throw new Error(`sites: no Chinese evidence for ${String(p['project_id'])}`);
  p['evidence_zh'] = zh;
}
write('sites.geojson', featureCollection(siteFeatures.map((f) => ({ ...f, id: f.properties!.project_id as string }))));

const LANDMARKS: Array<[prefix: string, id: string, name_zh: string, name_en: string, accuracy_m: number]> = [
  ['二七广场', 'erqi-square', '二七广场', 'Erqi Square', 200],
  ['郑州华润万象城', 'mixc', '郑州华润万象城', 'MixC Zhengzhou', 80],
  ['二七万达广场', 'wanda', '二七万达广场', 'Erqi Wanda Plaza', 100],
  ['郑州大学', 'zzu', '郑州大学（大学路校区）', 'Zhengzhou University (Daxue Rd campus)', 400],
  ['郑州博物馆', 'museum', '郑州博物馆（嵩山馆）', 'Zhengzhou Museum (Songshan)', 150],
  ['郑州航空工业管理学院', 'zua', '郑州航空工业管理学院', 'Zhengzhou Univ. of Aeronautics', 300],
  ['杉杉奥莱', 'shanshan-outlets', '杉杉奥莱（二七店）', 'Shanshan Outlets (Erqi)', 100],
  ['郑州古玩城', 'antique-city', '郑州古玩城', 'Zhengzhou Antique City', 150],
  ['碧波园', 'bibo', '碧波园（片区）', 'Bibo Garden (area)', 500],
  ['樱桃沟', 'yingtaogou', '樱桃沟（片区）', 'Yingtaogou (area)', 2000],
];
write(
  'landmarks.geojson',
  featureCollection(
    LANDMARKS.map(([prefix, id, name_zh, name_en, accuracy_m]) => ({
      ...pointFromPoi(prefix, { id, name_zh, name_en, accuracy_m }),
      id,
    })),
  ),
);
