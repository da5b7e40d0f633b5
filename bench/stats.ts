/** The middle of some measurements (the upper one of an even count), as every benchmark here reports them. */
export const middle = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of `runs` calls, in ms (one warm-up run first). */
export function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median wall time of `runs` calls of `fn` on a fresh input from `make` each (made outside the timing): for a cold
 * figure, when what `fn` measures keeps facts about its input (the prepared shapes of shape_placement.ts).
 */
export function medianFresh<T>(runs: number, make: () => T, fn: (input: T) => void): number {
  fn(make());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = make();
    const t = performance.now();
    fn(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface BenchRow {
  what: string;
  ms: number;
  baselineMs: number;
  baseline: string;
  note: string;
}

export const row = (what: string, ms: number, baselineMs: number, baseline: string, note = ''): BenchRow => ({ what, ms, baselineMs, baseline, note });

export function printTable(rows: BenchRow[]): void {
  const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(9);
  console.log(`${'figure'.padEnd(62)} ${'ms'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)}  baseline / note`);
  for (const r of rows) {
    console.log(`${r.what.padEnd(62)} ${fmt(r.ms)} ${fmt(r.baselineMs)} ${(r.ms / r.baselineMs).toFixed(3).padStart(7)}  ${r.baseline}${r.note ? ` — ${r.note}` : ''}`);
  }
}
