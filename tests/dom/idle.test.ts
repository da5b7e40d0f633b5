/** Work done while the page is idle, in slices (src/app/idle.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inIdleSlices } from '../../src/app/idle.ts';

afterEach(() => {
  vi.useRealTimers();
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
