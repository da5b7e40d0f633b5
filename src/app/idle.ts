/** Idle callbacks where the browser has them (Safari does not: a short timeout instead). */
const onIdle: (run: (deadline: { timeRemaining(): number }) => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 2000 }) : (run) => setTimeout(() => run({ timeRemaining: () => 8 }), 50);

/**
 * Runs `step(from, to)` over [0, n) in slices of `slice` while the page is idle, each idle period as far as it
 * lasts: work that may wait (nothing shown depends on it) without holding a frame or a click.
 */
export function inIdleSlices(n: number, slice: number, step: (from: number, to: number) => void): void {
  let from = 0;
  const run = (deadline: { timeRemaining(): number }) => {
    do {
      const to = Math.min(n, from + slice);
      step(from, to);
      from = to;
    } while (from < n && deadline.timeRemaining() > 2);
    if (from < n) onIdle(run);
  };
  if (n > 0) onIdle(run);
}
