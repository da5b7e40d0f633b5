/**
 * Progress over reporting periods (项目调度): per project and month, the status then, the year's planned
 * investment (年度计划投资), the investment completed in the year to date (1—N月完成投资), 形象进度 text, source.
 * Optional: without a progress file the map is one snapshot, as before. Nothing is carried forward silently: a
 * figure a period does not give is undisclosed for that period; a project with no row for a period shows its last
 * known state, marked as such.
 */
import type { MappedProject, Status } from './model.ts';

export interface ProgressRow {
  project_id: string;
  /** YYYY-MM */
  period: string;
  status: Status | null;
  /** 年度计划投资, 亿元 */
  planned_yi: number | null;
  /** Completed in the year to date (1—N月完成投资), 亿元 */
  completed_yi: number | null;
  /** 形象进度 */
  progress_text: string | null;
  source: string;
}

export const periodsOf = (rows: readonly ProgressRow[]): string[] => [...new Set(rows.map((r) => r.period))].sort();

/** A project at a period: its row then, or the last one before (`current: false`), or nothing. */
export interface ProjectAt {
  row: ProgressRow | null;
  current: boolean;
}

/** Every project's rows, oldest first. */
export function historyIndex(rows: readonly ProgressRow[]): Map<string, ProgressRow[]> {
  const index = new Map<string, ProgressRow[]>();
  for (const r of rows) {
    const list = index.get(r.project_id);
    if (list) list.push(r);
    else index.set(r.project_id, [r]);
  }
  for (const list of index.values()) list.sort((a, b) => (a.period < b.period ? -1 : 1));
  return index;
}

export function projectAt(history: readonly ProgressRow[] | undefined, period: string): ProjectAt {
  let last: ProgressRow | null = null;
  for (const r of history ?? []) {
    if (r.period > period) break;
    last = r;
  }
  return { row: last, current: last?.period === period };
}

const DONE: readonly Status[] = ['completed', 'operating'];

export interface PeriodTally {
  /** Projects with a row at this period. */
  reporting: number;
  planned_yi: number | null;
  planned_n: number;
  completed_yi: number | null;
  completed_n: number;
  /** completed / planned over the projects that give both; null without any. */
  rate: number | null;
  /** Status reached at this period and not held at the previous one. */
  newly: { signed: string[]; started: string[]; completed: string[] };
}

/**
 * The period's figures over some projects: only what a row of this very period gives (never carried forward).
 * `previous`: the period before (for what is new), or null for the first.
 */
export function tallyAt(projects: readonly MappedProject[], index: Map<string, ProgressRow[]>, period: string, previous: string | null): PeriodTally {
  const t: PeriodTally = { reporting: 0, planned_yi: null, planned_n: 0, completed_yi: null, completed_n: 0, rate: null, newly: { signed: [], started: [], completed: [] } };
  let ratePlanned = 0;
  let rateDone = 0;
  for (const p of projects) {
    const history = index.get(p.id);
    const now = projectAt(history, period);
    if (!now.current || !now.row) continue;
    const r = now.row;
    t.reporting++;
    if (r.planned_yi !== null) ((t.planned_yi = (t.planned_yi ?? 0) + r.planned_yi), t.planned_n++);
    if (r.completed_yi !== null) ((t.completed_yi = (t.completed_yi ?? 0) + r.completed_yi), t.completed_n++);
    if (r.planned_yi !== null && r.completed_yi !== null && r.planned_yi > 0) ((ratePlanned += r.planned_yi), (rateDone += r.completed_yi));
    const before = previous ? projectAt(history, previous).row?.status ?? null : null;
    const reached = (targets: readonly Status[]) => r.status !== null && targets.includes(r.status) && (before === null || !targets.includes(before));
    if (previous) {
      if (reached(['signed'])) t.newly.signed.push(p.id);
      if (reached(['started'])) t.newly.started.push(p.id);
      if (reached(DONE)) t.newly.completed.push(p.id);
    }
  }
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);
  t.planned_yi = round(t.planned_yi);
  t.completed_yi = round(t.completed_yi);
  t.rate = ratePlanned > 0 ? rateDone / ratePlanned : null;
  return t;
}

/** The projects as they stood at a period: each status the last one known then (the ledger's where none is). */
export function projectsAt(projects: readonly MappedProject[], index: Map<string, ProgressRow[]>, period: string): MappedProject[] {
  return projects.map((p) => {
    const at = projectAt(index.get(p.id), period).row;
    return at?.status && at.status !== p.status ? { ...p, status: at.status } : p;
  });
}

/**
 * The data as it stood at a period (null: the latest): each project's status then. Pins, filters and figures then
 * show that period; the bundle without progress is returned as it is.
 */
export function bundleAtPeriod<B extends { projects: MappedProject[]; progress?: ProgressRow[] }>(bundle: B, period: string | null): B {
  if (!bundle.progress?.length) return bundle;
  const periods = periodsOf(bundle.progress);
  const at = period && periods.includes(period) ? period : periods.at(-1)!;
  return { ...bundle, projects: projectsAt(bundle.projects, historyIndex(bundle.progress), at) };
}
