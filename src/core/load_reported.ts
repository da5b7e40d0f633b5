import { z } from './zod.ts';
import type { Issue, Loaded } from './issues.ts';
import type { AxisId } from './model.ts';

const SourceRef = { source: z.string().min(1), as_of: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/), quote: z.string().min(1) };

const ReportedSchema = z.object({
  sources: z.record(
    z.string(),
    z.object({
      title_zh: z.string(),
      title_en: z.string(),
      url: z.string().nullish(),
      file: z.string().nullish(),
      as_of: z.string().nullish(),
    }),
  ),
  /** The vintage shown on the map ("数据截至 …"). */
  as_of: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  axes: z.array(
    z.object({ id: z.string().min(1), projects: z.number().int().nonnegative(), investment_yi: z.number().nonnegative(), ...SourceRef }),
  ),
  district: z.array(
    z.object({
      id: z.string().min(1),
      label_zh: z.string(),
      label_en: z.string(),
      projects: z.number().int().nonnegative().nullish(),
      investment_yi: z.number().nonnegative().nullish(),
      /** A share, 0–1 (e.g. 0.95 for "投资完成率达到95%"). */
      rate: z.number().min(0).max(1).nullish(),
      ...SourceRef,
    }),
  ),
});
export type Reported = z.infer<typeof ReportedSchema>;
export type ReportedAxis = Reported['axes'][number];
export type ReportedFigure = Reported['district'][number];

/**
 * Reads the reported figures. `axisIds` (geo/axes.geojson's) are the axes the report must give figures for:
 * exactly one entry each, and none for an axis the map does not have.
 */
export function loadReported(file: string, text: string, axisIds: readonly AxisId[]): Loaded<Reported | null> {
  const issues: Issue[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    issues.push({ file, message: `is not valid JSON (${(e as Error).message})`, severity: 'error' });
    return { value: null, issues };
  }
  const parsed = ReportedSchema.safeParse(json);
  if (!parsed.success) {
    for (const e of parsed.error.issues) issues.push({ file, field: e.path.join('.'), message: e.message, severity: 'error' });
    return { value: null, issues };
  }
  const value = parsed.data;
  for (const id of axisIds) {
    if (value.axes.filter((a) => a.id === id).length !== 1) {
      issues.push({ file, field: 'axes', message: `expected exactly one entry for axis '${id}'`, severity: 'error' });
    }
  }
  for (const [i, a] of value.axes.entries()) {
    if (!axisIds.includes(a.id)) issues.push({ file, field: `axes.${i}.id`, message: `'${a.id}' is not an axis of the map; use one of ${axisIds.join(', ')}`, severity: 'error' });
  }
  for (const [i, f] of [...value.axes, ...value.district].entries()) {
    if (!value.sources[f.source]) {
      issues.push({ file, field: `source`, message: `figure ${i + 1} cites unknown source '${f.source}'`, severity: 'error' });
    }
  }
  return { value, issues };
}
