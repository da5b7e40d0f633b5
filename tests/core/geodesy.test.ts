import { describe, expect, it } from 'vitest';
import { distanceM, lineLengthM, pointToLineM, prepareLine } from '../../src/core/geodesy.ts';
import { seededRandom } from '../../src/core/random.ts';
import { geodesicM, geodesicToLineM } from '../helpers/geodesic.ts';

describe('distanceM', () => {
  it('agrees with the WGS84 geodesic to under a millimetre within 5 km, in every direction', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const lon1 = 113.5 + random() * 0.2;
      const lat1 = 34.6 + random() * 0.2;
      const lon2 = lon1 + (random() - 0.5) * 0.06;
      const lat2 = lat1 + (random() - 0.5) * 0.05;
      const reference = geodesicM(lon1, lat1, lon2, lat2);
      if (reference > 5000) continue;
      expect(Math.abs(distanceM(lon1, lat1, lon2, lat2) - reference)).toBeLessThan(0.001);
    }
  });

  it('knows a degree of latitude here is about 110.9 km', () => {
    expect(distanceM(113.6, 34.7, 113.6, 34.71) / 1000).toBeCloseTo(1.10915, 3);
  });
});

describe('pointToLineM', () => {
  const line = [
    [113.62, 34.70],
    [113.63, 34.71],
    [113.63, 34.73],
  ];
  const prepared = prepareLine(line);

  it('is 0 on the line and at its vertices', () => {
    expect(pointToLineM(113.625, 34.705, prepared)).toBeLessThan(1e-6);
    expect(pointToLineM(113.63, 34.73, prepared)).toBe(0);
  });

  it('measures to the nearest end beyond the line', () => {
    expect(pointToLineM(113.63, 34.74, prepared)).toBeCloseTo(geodesicM(113.63, 34.74, 113.63, 34.73), 3);
  });

  it('agrees with a brute-force geodesic search on 300 seeded points', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 300; i++) {
      const lon = 113.60 + random() * 0.05;
      const lat = 34.69 + random() * 0.05;
      expect(pointToLineM(lon, lat, prepared)).toBeCloseTo(geodesicToLineM(lon, lat, line), 3);
    }
  });

  it('gives the same distances through the segment grid, near the line, at cell edges and beyond the grid', () => {
    // A winding line, so that many segments compete for the nearest point.
    const winding = Array.from({ length: 40 }, (_, i) => [113.58 + i * 0.002, 34.70 + 0.01 * Math.sin(i / 2) + (i % 3) * 0.0007]);
    const plain = prepareLine(winding);
    const indexed = prepareLine(winding, true);
    expect(indexed.grid).not.toBeNull();
    const random = seededRandom(12);
    for (let i = 0; i < 20_000; i++) {
      // Mostly within a few km of the line; some far outside the grid's 5 km reach.
      const spread = i % 10 === 0 ? 0.5 : 0.06;
      const lon = 113.62 + (random() - 0.5) * spread;
      const lat = 34.70 + (random() - 0.5) * spread;
      expect(pointToLineM(lon, lat, indexed)).toBe(pointToLineM(lon, lat, plain));
    }
  });
});

describe('lineLengthM', () => {
  it('sums the geodesic lengths of the segments', () => {
    const line = [[113.62, 34.70], [113.63, 34.71], [113.63, 34.73]];
    const expected = geodesicM(113.62, 34.70, 113.63, 34.71) + geodesicM(113.63, 34.71, 113.63, 34.73);
    expect(lineLengthM(line)).toBeCloseTo(expected, 3);
  });
});
