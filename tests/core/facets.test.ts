import { describe, expect, it } from 'vitest';
import { EMBED_PARAMS } from '../../src/core/embed_options.ts';
import { EMPTY_FILTER, FACET_IDS, FACETS, facetIsSet, isEmptyFilter, parseFilterPatch, type FacetId, type Filter } from '../../src/core/facets.ts';
import { applyFilter, type Facts } from '../../src/core/filter.ts';
import { Placements } from '../../src/core/placement.ts';
import { parseUrlState, serializeUrlState, DEFAULT_STATE, STATE_PARAMS } from '../../src/core/url_state.ts';

const LAYOUT = { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: ['north', 'central', 'south'] };

/** One set value per facet: a facet added to the table without a sample here does not compile. */
const SAMPLES: Record<FacetId, Partial<Filter>> = {
  axes: { axes: ['daxue'] },
  zones: { zones: ['south'] },
  statuses: { statuses: ['started', 'unknown'] },
  sectors: { sectors: ['health'] },
  investment: { investmentMin: 5, investmentMax: null },
  mapped: { mapped: 'unmapped' },
};

// Four projects' facets, as filterFacts would give them: every sample keeps some and leaves out others.
const FACTS: Facts = {
  length: 4,
  axes: Uint32Array.from([0b001, 0b010, 0b110, 0]),
  zones: Uint32Array.from([0b001, 0b010, 0b100, 0]),
  status: Uint8Array.from([3, 4, 7, 5]), // started, under_construction, unknown, completed
  sector: Uint8Array.from([2, 0, 7, 2]), // health, industry, unknown, health
  investment: Float64Array.from([10, NaN, 3, 7]),
  mapped: Uint8Array.from([1, 1, 1, 0]),
  declaredAxis: Int8Array.from([-1, -1, -1, -1]),
  declaredZone: Int8Array.from([-1, -1, -1, -1]),
};
const pass = (filter: Filter) => applyFilter([], Placements.empty(0, LAYOUT.axisIds.length, LAYOUT.zoneIds, false), filter, 500, LAYOUT, FACTS).indices;

describe('the facet table', () => {
  it('gives every Filter field an empty value, and the empty filter sets no facet', () => {
    expect(Object.keys(EMPTY_FILTER).sort()).toEqual(FACET_IDS.flatMap((id) => [...FACETS[id].fields]).sort());
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(pass(EMPTY_FILTER)).toEqual([0, 1, 2, 3]);
  });

  describe.each(FACET_IDS)('%s', (id) => {
    const filter = { ...EMPTY_FILTER, ...SAMPLES[id] };

    it('counts as set, and only it', () => {
      expect(isEmptyFilter(filter)).toBe(false);
      expect(FACET_IDS.filter((other) => facetIsSet(filter, other))).toEqual([id]);
    });

    it('filters: some projects pass and some do not', () => {
      const kept = pass(filter);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(FACTS.length);
    });

    it('round-trips through the URL, and is an attribute of the element', () => {
      const query = serializeUrlState({ ...DEFAULT_STATE, filter });
      expect(query).toMatch(new RegExp(`^\\?${FACETS[id].param}=`));
      expect(parseUrlState(query, LAYOUT)).toEqual({ state: { ...DEFAULT_STATE, filter }, warnings: [] });
      expect(STATE_PARAMS).toContain(FACETS[id].param);
      expect(EMBED_PARAMS).not.toContain(FACETS[id].param);
    });

    it('is accepted from a host page as it stands, and refused when mistyped', () => {
      expect(parseFilterPatch(SAMPLES[id], LAYOUT)).toEqual({ value: SAMPLES[id] });
      const field = FACETS[id].fields[0]!;
      const r = parseFilterPatch({ [field]: { not: 'a value' } }, LAYOUT);
      expect('errors' in r && r.errors[0]).toMatch(new RegExp(`^${field}: `));
    });
  });

  it('refuses a whole patch when one field is wrong, and unknown fields', () => {
    expect(parseFilterPatch({ axes: ['daxue'], zones: ['atlantis'] }, LAYOUT)).toEqual({
      errors: [expect.stringMatching(/^zones\.0: use north, central, south/)],
    });
    expect(parseFilterPatch({ colour: 'red' }, LAYOUT)).toEqual({ errors: ['colour: is not a known field'] });
  });
});
