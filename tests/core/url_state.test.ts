import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../src/core/url_state.ts';

const LAYOUT = { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: ['north', 'central', 'south'] };

describe('URL state', () => {
  it('writes nothing for the default state', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
    expect(parseUrlState('', LAYOUT)).toEqual({ state: DEFAULT_STATE, warnings: [] });
  });

  it('round-trips every setting', () => {
    const state: UrlState = {
      data: 'sample',
      period: '2023-11',
      lang: 'en',
      corridor: 1000,
      basemap: 'custom',
      tiles: 'https://tiles.example/{z}/{x}/{y}.png',
      selection: { kind: 'project', id: 'yaxing-wanjia' },
      filter: {
        axes: ['songshan', 'daxue'],
        zones: ['central'],
        statuses: ['started', 'unknown'],
        sectors: ['commerce'],
        investmentMin: 10,
        investmentMax: null,
        mapped: 'unmapped',
      },
      view: { center: [113.63, 34.72], zoom: 12.5, bearing: 30 },
    };
    const query = serializeUrlState(state);
    expect(query).toBe(
      '?data=sample&period=2023-11&lang=en&corridor=1000&basemap=custom&tiles=https://tiles.example/%7Bz%7D/%7Bx%7D/%7By%7D.png&project=yaxing-wanjia' +
        '&axes=songshan,daxue&zones=central&status=started,unknown&sector=commerce&inv=10-&mapped=no&map=12.5/34.72/113.63/30',
    );
    expect(parseUrlState(query, LAYOUT)).toEqual({ state, warnings: [] });
  });

  it('selects an axis', () => {
    const { state } = parseUrlState('?axis=jingguang&axes=jingguang', LAYOUT);
    expect(state.selection).toEqual({ kind: 'axis', id: 'jingguang' });
    expect(state.filter.axes).toEqual(['jingguang']);
  });

  it('ignores bad values with a warning each, keeping the good ones', () => {
    const { state, warnings } = parseUrlState(
      '?lang=fr&corridor=5&basemap=amap&axis=erqi&axes=songshan,nowhere&inv=50-10&map=99/1/2&mapped=maybe&tiles=javascript:alert(1)&utm_source=x&%E0%A4%A=1',
      LAYOUT,
    );
    expect(state).toEqual({ ...DEFAULT_STATE, filter: { ...DEFAULT_STATE.filter, axes: ['songshan'] } });
    expect(warnings).toEqual([
      'URL parameter lang=fr ignored: use zh or en',
      'URL parameter corridor=5 ignored: use a half-width in metres from 250 to 3000',
      'URL parameter basemap=amap ignored: use one of schematic, tianditu-vec, tianditu-img, osm, custom',
      'URL parameter axis=erqi ignored: use one of songshan, daxue, jingguang',
      'URL parameter axes=nowhere ignored: use songshan, daxue, jingguang',
      'URL parameter inv=50-10 ignored: use MIN-MAX in 亿元, e.g. 10-50, 10- or -50',
      'URL parameter map=99/1/2 ignored: use ZOOM/LAT/LON or ZOOM/LAT/LON/BEARING',
      'URL parameter mapped=maybe ignored: use yes or no',
      'URL parameter tiles=javascript:alert(1) ignored: use an http(s):// XYZ template or a pmtiles:// URL',
    ]);
  });

  it('never throws on arbitrary input', () => {
    for (const s of ['?', '?&&', '?=', '?map=/', '?inv=-', '?%', '?axes=,,,', '?project=' + 'x'.repeat(200)]) {
      expect(() => parseUrlState(s, LAYOUT)).not.toThrow();
    }
  });
});
