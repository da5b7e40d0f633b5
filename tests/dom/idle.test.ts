/** Work done while the page is idle, in slices (src/app/idle.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inIdleSlices } from '../../src/app/idle.ts';
import { syntheticBundle } from '../../scripts/repo.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('inIdleSlices', () => {
  it('covers [0, n) once, in order, in slices, none of them at once', async () => {
    vi.useFakeTimers();
    const seen: Array<[number, number]> = [];
    inIdleSlices(2500, 1000, (from, to) => seen.push([from, to]));
    expect(seen).toEqual([]);
    await vi.runAllTimersAsync();
    expect(seen).toEqual([[0, 1000], [1000, 2000], [2000, 2500]]);
  });

  it('does nothing for nothing', async () => {
    vi.useFakeTimers();
    const step = vi.fn();
    inIdleSlices(0, 1000, step);
    await vi.runAllTimersAsync();
    expect(step).not.toHaveBeenCalled();
  });
});

describe('shareWhenIdle', () => {
  it('waits for the map to be drawn (the erqi:ready mark), then shares every project in idle slices', async () => {
    const { StringSharer } = await import('../../src/core/shared_strings.ts');
    const { shareWhenIdle } = await import('../../src/app/share_when_idle.ts');
    const share = vi.spyOn(StringSharer.prototype, 'share');
    performance.clearMarks('erqi:ready');
    const projects = syntheticBundle(2500, { seed: 2 }).projects;
    shareWhenIdle(projects);
    await new Promise((r) => setTimeout(r, 200));
    expect(share).not.toHaveBeenCalled();
    performance.mark('erqi:ready');
    await vi.waitFor(() => expect(share.mock.calls.map(([, from, to]) => [from, to])).toEqual([[0, 1000], [1000, 2000], [2000, 2500]]), { timeout: 3000 });
    // Once the page is ready, another ledger (an import) is shared at once.
    share.mockClear();
    shareWhenIdle(projects.slice(0, 10));
    await vi.waitFor(() => expect(share.mock.calls.map(([, from, to]) => [from, to])).toEqual([[0, 10]]), { timeout: 3000 });
    performance.clearMarks('erqi:ready');
  });
});
