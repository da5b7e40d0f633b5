/**
 * The SAMPLE ledger (data/sample/): 360 invented projects whose totals equal every figure of the 2023 report that a
 * ledger can carry — per axis (31 / 591, 31 / 396, 35 / 365 亿元), district (360 / 2326), industrial projects
 * (185 / 1026), industrial projects signed (46 / 258), projects started (65), urban renewal (25 / 317.5) — with
 * sites inside the right corridors. Seeded: the same seed writes the same files. Names are plainly not real
 * (示例项目 001); every row is `source: synthetic`, so the map banners it and exports mark it.
 *
 * How the report's words are read (data/sample/README.md says the same):
 *   industrial = sectors industry, sci_tech, health · signed = status signed within those · started = status started
 *   urban renewal = sector urban_renewal · on an axis = axis_declared, sited within 400 m of that axis.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { metresPerDegree, pointToLineM } from '../src/core/geodesy.ts';
import type { AxisFeature } from '../src/core/load_geo.ts';
import type { MappedProject, Sector, Status } from '../src/core/model.ts';
import { prepareAxes } from '../src/core/placement.ts';
import { seededRandom } from '../src/core/random.ts';
import type { Reported } from '../src/core/load_reported.ts';
import { representativePoint, type SiteGeometry } from '../src/core/site_geometry.ts';

export const SAMPLE_SEED = 20231231;
/** Sectors the sample counts as the report's 产业项目 (industrial projects). */
export const INDUSTRIAL: readonly Sector[] = ['industry', 'sci_tech', 'health'];
const OTHER: readonly Sector[] = ['commerce', 'culture_tourism', 'infrastructure'];
const LATER: readonly Status[] = ['planned', 'negotiating', 'under_construction', 'completed', 'operating'];

type Klass = 'signed' | 'industrial' | 'renewal' | 'other';

/** Amounts in hundredths of 亿元, so sums are exact. */
const cents = (yi: number) => Math.round(yi * 100);

/** `total` split into `n` positive parts with random (log-normal-ish) weights, exact to the hundredth. */
function split(random: () => number, total: number, n: number): number[] {
  if (n === 0) return [];
  const w = Array.from({ length: n }, () => Math.exp(random() * 2.5));
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((x / sum) * (total - n)) + 1));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % n) {
    if (rest > 0) (parts[i]!++, rest--);
    else if (parts[i]! > 1) (parts[i]!--, rest++);
  }
  return parts;
}

export interface SampleInput {
  axes: readonly AxisFeature[];
  district: Feature<Polygon | MultiPolygon>;
  reported: Reported;
  seed?: number;
}

export function sampleLedger({ axes, district, reported, seed = SAMPLE_SEED }: SampleInput): MappedProject[] {
  const random = seededRandom(seed);
  const figure = (id: string) => reported.district.find((f) => f.id === id)!;
  const total = figure('major_projects');
  const industrial = figure('industrial_projects');
  const signed = figure('signed');
  const started = figure('started');
  const renewal = figure('urban_renewal');

  // Rows: the axes, then "no axis"; columns: the four kinds. Counts first, each row holding every kind.
  const rows = [
    ...reported.axes.map((a) => ({ axis: a.id as string | null, n: a.projects, amount: cents(a.investment_yi) })),
    { axis: null, n: total.projects! - reported.axes.reduce((s, a) => s + a.projects, 0), amount: cents(total.investment_yi!) - reported.axes.reduce((s, a) => s + cents(a.investment_yi), 0) },
  ];
  const columns: Array<{ k: Klass; n: number; amount: number }> = [
    { k: 'signed', n: signed.projects!, amount: cents(signed.investment_yi!) },
    { k: 'industrial', n: industrial.projects! - signed.projects!, amount: cents(industrial.investment_yi!) - cents(signed.investment_yi!) },
    { k: 'renewal', n: renewal.projects!, amount: cents(renewal.investment_yi!) },
    { k: 'other', n: 0, amount: 0 },
  ];
  columns[3]!.n = total.projects! - columns.slice(0, 3).reduce((s, c) => s + c.n, 0);
  columns[3]!.amount = cents(total.investment_yi!) - columns.slice(0, 3).reduce((s, c) => s + c.amount, 0);

  // Each project gets a kind: one of each kind per row first (every cell filled), the rest at random.
  const pool: Klass[] = columns.flatMap((c) => Array.from({ length: c.n - rows.length }, () => c.k));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const kinds = rows.map((r) => [...columns.map((c) => c.k), ...pool.splice(0, r.n - columns.length)]);
  const count = rows.map((_, i) => columns.map((c) => kinds[i]!.filter((k) => k === c.k).length));

  // Cell amounts matching both margins (iterative proportional fitting), then exact in hundredths: the last
  // column and the last row take what rounding left.
  let cell = count.map((r) => r.map((n) => n * (0.5 + random())));
  for (let it = 0; it < 200; it++) {
    cell = cell.map((r, i) => r.map((x) => (x * rows[i]!.amount) / r.reduce((a, b) => a + b, 0)));
    const colSum = columns.map((_, j) => cell.reduce((s, r) => s + r[j]!, 0));
    cell = cell.map((r) => r.map((x, j) => (x * columns[j]!.amount) / colSum[j]!));
  }
  const last = columns.length - 1;
  const exact = cell.map((r) => r.map((x) => Math.round(x)));
  for (let i = 0; i < rows.length - 1; i++) exact[i]![last] = rows[i]!.amount - exact[i]!.slice(0, last).reduce((a, b) => a + b, 0);
  for (let j = 0; j <= last; j++) exact[rows.length - 1]![j] = columns[j]!.amount - exact.slice(0, -1).reduce((s, r) => s + r[j]!, 0);
  if (exact.flat().some((x, k) => x < count.flat()[k]!)) throw new Error('sample: a cell came out below one hundredth per project; try another seed');

  // Statuses: `started` drawn from everything but the signed.
  const prepared = prepareAxes(axes);
  const projects: MappedProject[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  rows.forEach((row, i) =>
    columns.forEach((col, j) => {
      const amounts = split(random, exact[i]![j]!, count[i]![j]!);
      for (const amount of amounts) {
        const n = projects.length + 1;
        const id = `sample-${String(n).padStart(3, '0')}`;
        const sector: Sector = col.k === 'renewal' ? 'urban_renewal' : col.k === 'other' ? pick(OTHER) : pick(INDUSTRIAL);
        projects.push({
          id,
          name_zh: `示例项目 ${String(n).padStart(3, '0')}`,
          name_en: `Sample project ${String(n).padStart(3, '0')}`,
          axis_declared: row.axis,
          zone_declared: null,
          sector,
          status: col.k === 'signed' ? 'signed' : pick(LATER),
          investment_total_yi: amount / 100,
          investment_2023_yi: null,
          address: null,
          source: 'synthetic',
          as_of: '2023-12',
          note: '示例数据（合成），非真实项目 / SAMPLE: synthetic, not a real project',
          key_level: null,
          other_names: null,
          site: site(id, row.axis),
        });
      }
    }),
  );
  const notSigned = projects.filter((p) => p.status !== 'signed');
  for (let i = notSigned.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [notSigned[i], notSigned[j]] = [notSigned[j]!, notSigned[i]!];
  }
  for (const p of notSigned.slice(0, started.projects!)) p.status = 'started';
  // The report's 省市重点建设项目: the largest projects that spend this year (no draw: the rest stays as it was).
  const key = reported.district.find((f) => f.id === 'key_projects')?.projects ?? 0;
  const spending = projects.filter((p) => p.status && SPENDING.includes(p.status));
  for (const p of [...spending].sort((a, b) => b.investment_total_yi! - a.investment_total_yi! || a.id.localeCompare(b.id)).slice(0, key)) p.key_level = '省市重点';
  return projects;

  /** On its axis (within 400 m, in the district), or off every axis (over 700 m): a point, a short line or a plot. */
  function site(id: string, axis: string | null): MappedProject['site'] {
    for (;;) {
      let lon: number;
      let lat: number;
      if (axis) {
        const line = axes.find((a) => a.properties.id === axis)!.geometry.coordinates;
        const k = Math.floor(random() * (line.length - 1));
        const t = random();
        const [a, b] = [line[k]!, line[k + 1]!];
        const { kx, ky } = metresPerDegree(a[1]!);
        const r = (random() * 2 - 1) * 300;
        const angle = random() * Math.PI * 2;
        lon = a[0]! + t * (b[0]! - a[0]!) + (r * Math.cos(angle)) / kx;
        lat = a[1]! + t * (b[1]! - a[1]!) + (r * Math.sin(angle)) / ky;
      } else {
        lon = 113.50 + random() * 0.2;
        lat = 34.60 + random() * 0.18;
      }
      if (!booleanPointInPolygon([lon, lat], district)) continue;
      const draw = random();
      const geometry = draw < 0.1 ? shape(lon, lat, 'line') : draw < 0.2 ? shape(lon, lat, 'area') : null;
      const points = geometry ? (geometry.type === 'LineString' ? geometry.coordinates : (geometry as Polygon).coordinates[0]!) : [[lon, lat]];
      const distances = (p: number[]) => prepared.map((a) => ({ id: a.id, m: pointToLineM(p[0]!, p[1]!, a.line) }));
      const ok = points.every((p) => {
        const d = distances(p);
        return axis ? d.every((x) => (x.id === axis ? x.m <= 400 : x.m > 700)) : d.every((x) => x.m > 700) && booleanPointInPolygon(p as [number, number], district);
      });
      if (!ok) continue;
      const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
      const [plon, plat] = geometry ? representativePoint(geometry) : [r6(lon), r6(lat)];
      return {
        ...(geometry ? { geometry } : {}),
        project_id: id,
        feature: -1,
        lon: plon,
        lat: plat,
        accuracy_m: 50,
        place: null,
        confidence: null,
        evidence: 'SAMPLE: invented location (seeded generator, scripts/sample_ledger.ts)',
        evidence_zh: '示例：虚构位置（种子生成器 scripts/sample_ledger.ts）',
      };
    }
  }

  /** A short road (100–300 m, 3 vertices) or a small plot (4 corners, 40–120 m across). */
  function shape(lon: number, lat: number, kind: 'line' | 'area'): SiteGeometry {
    const { kx, ky } = metresPerDegree(lat);
    const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
    if (kind === 'line') {
      const step = 50 + random() * 100;
      const heading = random() * Math.PI * 2;
      const coordinates = [0, 1, 2].map((k) => [r6(lon + (k * step * Math.cos(heading + k * 0.2)) / kx), r6(lat + (k * step * Math.sin(heading + k * 0.2)) / ky)]);
      return { type: 'LineString', coordinates };
    }
    const size = 20 + random() * 40;
    const ring = [0, 1, 2, 3].map((k) => {
      const angle = (k / 4) * Math.PI * 2 + random() * 0.4;
      return [r6(lon + (size * Math.cos(angle)) / kx), r6(lat + (size * Math.sin(angle)) / ky)];
    });
    ring.push([...ring[0]!]);
    return { type: 'Polygon', coordinates: [ring] };
  }
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
const TEXT: Record<Status, string> = {
  planned: '示例：前期谋划',
  negotiating: '示例：洽谈中',
  signed: '示例：已签约，办理前期手续',
  started: '示例：已开工，场地平整',
  under_construction: '示例：主体施工',
  completed: '示例：竣工验收',
  operating: '示例：投入运营',
};
/** The stage a project held before the one it reached in the year. */
const BEFORE: Record<Status, Status> = {
  planned: 'planned',
  negotiating: 'planned',
  signed: 'negotiating',
  started: 'signed',
  under_construction: 'started',
  completed: 'under_construction',
  operating: 'operating',
};
const SPENDING: readonly Status[] = ['started', 'under_construction', 'completed', 'operating'];

/**
 * A year of monthly progress for the sample (2023-01 … 2023-12): each project reaches its ledger status in some
 * month (the stage before until then); projects that build spend through the year, and their completed investment
 * by 2023-11 adds up to the report's 1—11月完成投资 (253.4 亿元) exactly. About one in twelve discloses no amounts.
 */
export function sampleProgress(projects: readonly MappedProject[], reported: Reported, seed = SAMPLE_SEED + 1): import('../src/core/progress.ts').ProgressRow[] {
  const random = seededRandom(seed);
  const target = cents(reported.district.find((f) => f.id === 'invested_jan_nov')!.investment_yi!);
  // Key projects (省市重点) always spend: the report gives their completion rate.
  const keyRate = reported.district.find((f) => f.id === 'key_projects')?.rate ?? null;
  const spenders = projects.filter((p) => p.status && SPENDING.includes(p.status) && (random() > 0.08 || p.key_level !== null));
  // Reached in month `m` (1–11, so each counts by November); spending starts then for those that start this year.
  const reached = new Map(projects.map((p) => [p.id, 1 + Math.floor(random() * 11)]));
  const weights = spenders.map((p) => p.investment_total_yi! * (0.1 + random() * 0.3));
  const sum = weights.reduce((a, b) => a + b, 0);
  const byNov = weights.map((w) => Math.max(1, Math.round((w / sum) * target)));
  byNov[byNov.length - 1]! += target - byNov.reduce((a, b) => a + b, 0);
  const money = new Map(spenders.map((p, i) => [p.id, byNov[i]!]));
  const rows: import('../src/core/progress.ts').ProgressRow[] = [];
  for (const p of projects) {
    const m = reached.get(p.id)!;
    const nov = money.get(p.id);
    const drawn = 0.85 + random() * 0.2;
    // Each key project at the report's rate, so together they are at it too (95 % by December).
    const rate = p.key_level !== null && keyRate !== null ? keyRate : drawn;
    const dec = nov === undefined ? undefined : Math.round(nov * (1.05 + random() * 0.1));
    const startMonth = p.status === 'started' ? m : 1;
    MONTHS.forEach((period, k) => {
      const month = k + 1;
      const status = month >= m ? p.status! : BEFORE[p.status!];
      // Year to date: none before spending starts, then rising to exactly `nov` in November.
      const ytd = nov === undefined ? null : month < startMonth ? 0 : month === 12 ? dec! : Math.round((nov * (month - startMonth + 1)) / (11 - startMonth + 1));
      rows.push({
        project_id: p.id,
        period,
        status,
        planned_yi: dec === undefined ? null : Math.round(dec / rate) / 100,
        completed_yi: ytd === null ? null : ytd / 100,
        progress_text: TEXT[status],
        source: 'synthetic',
      });
    });
  }
  return rows;
}
