import { describe, expect, it } from 'vitest';
import { basemapAvailable, basemapSources, TIANDITU_HOSTS } from '../../src/map/basemaps.ts';

describe('basemapSources', () => {
  it('is empty for the schematic basemap: nothing is fetched', () => {
    expect(basemapSources('schematic', { tiandituKey: 'k' }, null)).toEqual([]);
  });

  it('lists the eight 天地图 hosts t0–t7 explicitly, Web Mercator layers, with the key', () => {
    const [vec, cva] = basemapSources('tianditu-vec', { tiandituKey: 'abc123' }, null);
    expect(vec!.tiles!.map((u) => new URL(u).host)).toEqual(TIANDITU_HOSTS.map((h) => `${h}.tianditu.gov.cn`));
    expect(vec!.tiles![0]).toContain('/vec_w/wmts?');
    expect(vec!.tiles![0]).toContain('TILEMATRIXSET=w');
    expect(vec!.tiles![0]).toContain('tk=abc123');
    expect(cva!.tiles![0]).toContain('/cva_w/');
    const [img, cia] = basemapSources('tianditu-img', { tiandituKey: 'abc123' }, null);
    expect(img!.tiles![7]).toContain('https://t7.tianditu.gov.cn/img_w/');
    expect(cia!.tiles![0]).toContain('/cia_w/');
  });

  it('offers 天地图 only with a key', () => {
    expect(basemapSources('tianditu-img', { tiandituKey: '' }, null)).toEqual([]);
    expect(basemapAvailable('tianditu-img', { tiandituKey: '' }, null)).toBe(false);
    expect(basemapAvailable('osm', { tiandituKey: '' }, null)).toBe(true);
  });

  it('takes a custom XYZ template or a pmtiles:// archive', () => {
    expect(basemapSources('custom', { tiandituKey: '' }, 'https://x/{z}/{x}/{y}.png')[0]!.tiles).toEqual(['https://x/{z}/{x}/{y}.png']);
    expect(basemapSources('custom', { tiandituKey: '' }, 'pmtiles://https://x/a.pmtiles')[0]!.url).toBe('pmtiles://https://x/a.pmtiles');
    expect(basemapSources('custom', { tiandituKey: '' }, null)).toEqual([]);
  });
});
