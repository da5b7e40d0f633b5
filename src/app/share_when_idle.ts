import { StringSharer } from '../core/shared_strings.ts';
import type { MappedProject } from '../core/model.ts';
import { inIdleSlices } from './idle.ts';

/** The mark the app, the iframe and the element make when their map is first drawn. */
const READY = 'erqi:ready';

/**
 * One copy of each repeated text of a ledger just read from JSON (a quarter of the page's heap at 50,000
 * projects), made while the page is idle, a thousand projects at a time — once the map is drawn (its erqi:ready
 * mark): during the load, idle moments are the map's waits on its worker, and 50,000 projects take ~80 ms of them.
 * Loaded when first needed: it is not part of the first view.
 */
export function shareWhenIdle(projects: readonly MappedProject[]): void {
  const start = () => {
    const sharer = new StringSharer();
    inIdleSlices(projects.length, 1000, (from, to) => sharer.share(projects, from, to));
  };
  if (performance.getEntriesByName(READY, 'mark').length > 0 || typeof PerformanceObserver !== 'function') return start();
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName(READY, 'mark').length) return;
    observer.disconnect();
    start();
  });
  observer.observe({ type: 'mark' });
}
