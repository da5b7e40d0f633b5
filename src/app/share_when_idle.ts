import { StringSharer } from '../core/shared_strings.ts';
import type { MappedProject } from '../core/model.ts';
import { inIdleSlices } from './idle.ts';

/**
 * One copy of each repeated text of a ledger just read from JSON (a quarter of the page's heap at 50,000
 * projects), made while the page is idle, a thousand projects at a time. Loaded when first needed: it is
 * not part of the first view.
 */
export function shareWhenIdle(projects: readonly MappedProject[]): void {
  const sharer = new StringSharer();
  inIdleSlices(projects.length, 1000, (from, to) => sharer.share(projects, from, to));
}
