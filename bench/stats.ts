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

/** A page's loads measured round after round beside others (interleaved): its median, and its rounds' ratios to the first page's. */
export interface Interleaved {
  ms: number;
  ratio: number;
  spread: [number, number];
  times: number[];
}

/**
 * Pages measured in turn, round after round (one warm-up round first, as a returning visitor with a warm HTTP
 * cache): a slow spell of a shared machine then slows every page of that round alike, and each round gives a
 * ratio of its own. Returns each page's median time and the median and spread of its per-round ratio to the first.
 */
export async function interleaved(pages: Array<() => Promise<number>>, rounds: number): Promise<Interleaved[]> {
  for (const p of pages) await p();
  const times = pages.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) for (const [i, p] of pages.entries()) times[i]!.push(await p());
  return times.map((ts) => ratiosTo(ts, times[0]!));
}

/** Times beside a baseline's of the same rounds: their median, and the median and spread of the rounds' ratios. */
export function ratiosTo(times: number[], baseline: number[]): Interleaved {
  const ratios = times.map((t, r) => t / baseline[r]!);
  return { ms: middle(times), ratio: middle(ratios), spread: [Math.min(...ratios), Math.max(...ratios)], times };
}

/** How a row's rounds went: "median of 7 rounds' ratios 1.84, spread 1.52–2.10". */
export const roundsNote = (r: Interleaved): string =>
  `median of ${r.times.length} rounds' ratios ${r.ratio.toFixed(2)}, spread ${r.spread[0].toFixed(2)}–${r.spread[1].toFixed(2)}`;

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
