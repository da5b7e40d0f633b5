import { describe, expect, it } from 'vitest';
import { acceptCommand, envelope, HOST_SOURCE } from '../../src/core/messages.ts';

const ALLOW = ['https://host.example'];
const CTX = { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: ['north', 'central', 'south'] };
const cmd = (body: object) => ({ source: HOST_SOURCE, version: 1, ...body });
const accept = (data: unknown, origin = 'https://host.example', allow = ALLOW) => acceptCommand(data, origin, allow, CTX);

describe('acceptCommand', () => {
  it('accepts well-formed commands from an allowed origin', () => {
    expect(accept(cmd({ type: 'select-project', id: 'crec-taihe' }))).toEqual({ command: { type: 'select-project', id: 'crec-taihe' } });
    expect(accept(cmd({ type: 'focus-axis', id: 'daxue' }), 'https://HOST.example')).toEqual({ command: { type: 'focus-axis', id: 'daxue' } });
    expect(accept(cmd({ type: 'fit-district' }))).toEqual({ command: { type: 'fit-district' } });
    expect(accept(cmd({ type: 'set-filters', filter: { axes: ['songshan', 'songshan'], investmentMin: 10, mapped: 'mapped' } }))).toEqual({
      command: { type: 'set-filters', filter: { axes: ['songshan'], investmentMin: 10, mapped: 'mapped' } },
    });
  });

  it('ignores any other origin, and everything when the allowlist is empty', () => {
    expect(accept(cmd({ type: 'fit-district' }), 'https://evil.example')).toBeNull();
    expect(accept(cmd({ type: 'fit-district' }), 'https://host.example', [])).toBeNull();
    expect(accept(cmd({ type: 'fit-district' }), 'null')).toBeNull();
  });

  it('ignores messages not addressed to the map, without a word', () => {
    for (const data of [null, 'x', 42, [], {}, { source: 'other-widget', type: 'fit-district' }]) expect(accept(data)).toBeNull();
  });

  // Each malformed command is refused with the field it gets wrong; nothing of it is run.
  const MALFORMED: Array<[unknown, string]> = [
    [cmd({ type: 'set-filters', filter: { axes: 5 } }), 'filter.axes'],
    [cmd({ type: 'set-filters', filter: { axes: null } }), 'filter.axes'],
    [cmd({ type: 'set-filters', filter: { axes: 'songshan' } }), 'filter.axes'],
    [cmd({ type: 'set-filters', filter: { axes: ['erqi'] } }), 'filter.axes.0'],
    [cmd({ type: 'set-filters', filter: { axes: [{}] } }), 'filter.axes.0'],
    [cmd({ type: 'set-filters', filter: { zones: ['atlantis'] } }), 'filter.zones.0'],
    [cmd({ type: 'set-filters', filter: { statuses: ['新建'] } }), 'filter.statuses.0'],
    [cmd({ type: 'set-filters', filter: { sectors: [1] } }), 'filter.sectors.0'],
    [cmd({ type: 'set-filters', filter: { investmentMin: '10' } }), 'filter.investmentMin'],
    [cmd({ type: 'set-filters', filter: { investmentMin: -1 } }), 'filter.investmentMin'],
    [cmd({ type: 'set-filters', filter: { investmentMax: Infinity } }), 'filter.investmentMax'],
    [cmd({ type: 'set-filters', filter: { investmentMin: NaN } }), 'filter.investmentMin'],
    [cmd({ type: 'set-filters', filter: { investmentMin: 50, investmentMax: 10 } }), 'filter.investmentMin'],
    [cmd({ type: 'set-filters', filter: { mapped: 'yes' } }), 'filter.mapped'],
    [cmd({ type: 'set-filters', filter: { __proto__: { axes: ['daxue'] }, colour: 'red' } }), 'filter.colour'],
    [cmd({ type: 'set-filters', filter: JSON.parse('{"__proto__": {"polluted": 1}}') }), 'filter.__proto__'],
    [cmd({ type: 'set-filters', filter: 'all' }), 'filter'],
    [cmd({ type: 'set-filters', filter: { axes: Array(2000).fill('songshan') } }), 'filter.axes'],
    [cmd({ type: 'set-filters' }), 'filter'],
    [cmd({ type: 'focus-axis', id: 'erqi' }), 'id'],
    [cmd({ type: 'focus-axis' }), 'id'],
    [cmd({ type: 'select-project', id: 5 }), 'id'],
    [cmd({ type: 'select-project', id: 'x'.repeat(65) }), 'id'],
    [cmd({ type: 'fit-district', extra: true }), 'extra'],
    [cmd({ type: 'eval', code: '1' }), 'type'],
    [{ source: HOST_SOURCE, version: 2, type: 'fit-district' }, 'version'],
  ];

  it(`refuses ${MALFORMED.length} malformed commands, naming the field each gets wrong`, () => {
    for (const [data, field] of MALFORMED) {
      const r = accept(data);
      expect(r, JSON.stringify(data)).not.toBeNull();
      expect(r && 'refused' in r, JSON.stringify(data)).toBe(true);
      const refused = (r as { refused: string[] }).refused;
      expect(refused.some((line) => line.startsWith(`${field}:`)), `${JSON.stringify(data)} → ${refused.join('; ')}`).toBe(true);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('wraps events in a versioned envelope', () => {
    expect(envelope({ type: 'height', height: 500 })).toEqual({ source: 'erqi-axis-map', version: 1, type: 'height', height: 500 });
  });
});
