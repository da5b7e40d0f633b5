import { z } from './zod.ts';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { checkPosition } from './bounds.ts';
import { checkSiteGeometry, representativePoint } from './site_geometry.ts';
import type { Issue, Loaded } from './issues.ts';
import { LAYOUT_ID, MAX_AXES, MAX_ZONES } from './layout.ts';
import type { AxisId, Site } from './model.ts';

const FeatureCollectionShape = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** Each geo file's features, checked one by one so an issue can name the feature's index. */
function loadFeatures<T>(
  file: string,
  text: string,
  readFeature: (feature: unknown, index: number, issues: Issue[]) => T | null,
): Loaded<T[]> {
  const issues: Issue[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    issues.push({ file, message: `is not valid JSON (${(e as Error).message})`, severity: 'error' });
    return { value: [], issues };
  }
  const fc = FeatureCollectionShape.safeParse(json);
  if (!fc.success) {
    issues.push({ file, message: 'must be a GeoJSON FeatureCollection ({"type":"FeatureCollection","features":[…]})', severity: 'error' });
    return { value: [], issues };
  }
  const value: T[] = [];
  fc.data.features.forEach((f, i) => {
    const read = readFeature(f, i, issues);
    if (read !== null) value.push(read);
  });
  return { value, issues };
}

/** zod's issues as ours: `properties.x` → `x`; positions inside `coordinates` folded into one issue. */
function zodIssues(file: string, index: number, error: z.ZodError, issues: Issue[]): null {
  const seen = new Set<string>();
  for (const e of error.issues) {
    let path = e.path.map(String);
    const c = path.indexOf('coordinates');
    if (c >= 0) path = path.slice(0, c + 1);
    const field = path[0] === 'properties' && path.length > 1 ? path.slice(1).join('.') : path.join('.') || undefined;
    const key = `${field}\u0000${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ file, feature: index, ...(field ? { field } : {}), message: e.message, severity: 'error' });
  }
  return null;
}

const lonLat = z
  .array(z.number({ error: 'coordinates must be numbers' }))
  .min(2, { error: 'a position needs [longitude, latitude]' });

/** Positions must be plausible: a site in the sea or with lat/lon swapped is an issue, not a pin. */
function positionIssue(file: string, index: number, p: Position, issues: Issue[]): boolean {
  const problem = checkPosition(p[0]!, p[1]!);
  if (problem) issues.push({ file, feature: index, field: 'geometry', message: problem, severity: 'error' });
  return problem !== null;
}

/** An axis or zone id: it appears in links and attributes (`axis=songshan`, `zones=north`). */
const layoutId = (what: string) =>
  z.string({ error: `${what} id is required` }).regex(LAYOUT_ID, { error: `${what} id must be lower-case letters, digits, - or _ (at most 32, starting with a letter), e.g. 'east-1'` });

// ---------------------------------------------------------------- sites

const SiteFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    project_id: z.string({ error: 'project_id is required' }).min(1, { error: 'project_id is required' }),
    accuracy_m: z.number().nonnegative().nullish(),
    place: z.string().nullish(),
    confidence: z.string().nullish(),
    evidence: z.string().nullish(),
    evidence_zh: z.string().nullish(),
  }, { error: 'properties must be an object with project_id' }),
  // Checked by checkSiteGeometry: a point, a line or an area, each with its own messages.
  geometry: z.unknown(),
});

export function loadSites(file: string, text: string): Loaded<Site[]> {
  const seen = new Map<string, number>();
  return loadFeatures(file, text, (raw, i, issues) => {
    const parsed = SiteFeature.safeParse(raw);
    if (!parsed.success) return zodIssues(file, i, parsed.error, issues);
    const { properties: p } = parsed.data;
    const checked = checkSiteGeometry(parsed.data.geometry);
    for (const message of checked.warnings) issues.push({ file, feature: i, field: 'geometry', message, severity: 'warning' });
    for (const message of checked.errors) issues.push({ file, feature: i, field: 'geometry', message, severity: 'error' });
    const geometry = checked.geometry;
    if (!geometry) return null;
    const first = seen.get(p.project_id);
    if (first !== undefined) {
      issues.push({ file, feature: i, field: 'project_id', message: `'${p.project_id}' already has a site (features[${first}])`, severity: 'error' });
      return null;
    }
    seen.set(p.project_id, i);
    const [lon, lat] = representativePoint(geometry);
    return {
      project_id: p.project_id,
      feature: i,
      ...(geometry.type === 'Point' ? {} : { geometry }),
      lon,
      lat,
      accuracy_m: p.accuracy_m ?? null,
      place: p.place ?? null,
      confidence: p.confidence ?? null,
      evidence: p.evidence ?? null,
      ...(p.evidence_zh ? { evidence_zh: p.evidence_zh } : {}),
    };
  });
}

// ---------------------------------------------------------------- axes

export interface AxisFeature extends Feature<LineString> {
  properties: {
    id: AxisId;
    name_zh: string;
    name_en: string;
    theme_zh: string;
    theme_en: string;
    accuracy: string;
    /** The line's positional error, metres (the map's note gives the range over all axes). */
    accuracy_m_min: number | null;
    accuracy_m_max: number | null;
    source: string;
  };
}

const AxisFeatureShape = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    id: layoutId('axis'),
    name_zh: z.string(),
    name_en: z.string(),
    theme_zh: z.string(),
    theme_en: z.string(),
    accuracy: z.string(),
    accuracy_m_min: z.number().nonnegative().nullish(),
    accuracy_m_max: z.number().nonnegative().nullish(),
    source: z.string(),
  }),
  geometry: z.object({
    type: z.literal('LineString', { error: 'an axis must be a LineString' }),
    coordinates: z.array(lonLat).min(2, { error: 'a line needs at least two positions' }),
  }),
});

export function loadAxes(file: string, text: string): Loaded<AxisFeature[]> {
  const seen = new Set<string>();
  const loaded = loadFeatures<AxisFeature>(file, text, (raw, i, issues) => {
    const parsed = AxisFeatureShape.safeParse(raw);
    if (!parsed.success) return zodIssues(file, i, parsed.error, issues);
    if (parsed.data.geometry.coordinates.some((p) => positionIssue(file, i, p, issues))) return null;
    const { properties: p, geometry } = parsed.data;
    if (seen.has(p.id)) {
      issues.push({ file, feature: i, field: 'id', message: `duplicate axis id '${p.id}'`, severity: 'error' });
      return null;
    }
    seen.add(p.id);
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        theme_zh: p.theme_zh,
        theme_en: p.theme_en,
        accuracy: p.accuracy,
        accuracy_m_min: p.accuracy_m_min ?? null,
        accuracy_m_max: p.accuracy_m_max ?? null,
        source: p.source,
      },
      geometry: { type: 'LineString', coordinates: geometry.coordinates.map((c) => [c[0]!, c[1]!]) },
    };
  });
  if (!loaded.value.length && !loaded.issues.length) loaded.issues.push({ file, message: 'has no axis: the map needs at least one LineString feature with an id', severity: 'error' });
  if (loaded.value.length > MAX_AXES) loaded.issues.push({ file, message: `has ${loaded.value.length} axes; at most ${MAX_AXES} are supported`, severity: 'error' });
  return loaded;
}

// ---------------------------------------------------------------- zones

export interface ZoneFeature extends Feature<Polygon | MultiPolygon> {
  properties: {
    id: string;
    name_zh: string;
    name_en: string;
    schematic: boolean;
    /** How a schematic zone was drawn: precisely (`rule`) and as the map's note says it (`rule_zh`, `rule_en`). */
    rule: string | null;
    rule_zh: string | null;
    rule_en: string | null;
    source: string;
  };
}

const ring = z.array(lonLat).min(4, { error: 'a polygon ring needs at least 4 positions' });
const ZoneFeatureShape = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    id: layoutId('zone'),
    name_zh: z.string().min(1),
    name_en: z.string(),
    schematic: z.boolean({ error: 'schematic must be true or false (false only for an official polygon)' }),
    rule: z.string().nullish(),
    rule_zh: z.string().nullish(),
    rule_en: z.string().nullish(),
    source: z.string().min(1),
  }),
  geometry: z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
      z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
    ],
    { error: 'a zone must be a Polygon or MultiPolygon' },
  ),
});

export function loadZones(file: string, text: string): Loaded<ZoneFeature[]> {
  const seen = new Set<string>();
  const loaded = loadFeatures<ZoneFeature>(file, text, (raw, i, issues) => {
    const parsed = ZoneFeatureShape.safeParse(raw);
    if (!parsed.success) return zodIssues(file, i, parsed.error, issues);
    const { properties: p, geometry } = parsed.data;
    if (seen.has(p.id)) {
      issues.push({ file, feature: i, field: 'id', message: `duplicate zone id '${p.id}'`, severity: 'error' });
      return null;
    }
    seen.add(p.id);
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        schematic: p.schematic,
        rule: p.rule ?? null,
        rule_zh: p.rule_zh ?? null,
        rule_en: p.rule_en ?? null,
        source: p.source,
      },
      geometry: geometry as Polygon | MultiPolygon,
    };
  });
  if (loaded.value.length > MAX_ZONES) loaded.issues.push({ file, message: `has ${loaded.value.length} zones; at most ${MAX_ZONES} are supported`, severity: 'error' });
  return loaded;
}

// ---------------------------------------------------------------- context layers (district, context, landmarks)

const PlainFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ name_zh: z.string({ error: 'name_zh is required' }) }),
  geometry: z.looseObject({ type: z.string(), coordinates: z.array(z.unknown()) }, { error: 'geometry is missing' }),
});

/** Basemap and orientation layers: each feature needs a geometry and a name_zh. */
export function loadNamedFeatures(file: string, text: string): Loaded<Feature[]> {
  return loadFeatures<Feature>(file, text, (raw, i, issues) => {
    const parsed = PlainFeature.safeParse(raw);
    if (!parsed.success) return zodIssues(file, i, parsed.error, issues);
    return raw as Feature;
  });
}
