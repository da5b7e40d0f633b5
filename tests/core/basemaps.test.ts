import { describe, expect, it } from 'vitest';
import { basemapAvailable, basemapSources, customTilesHost, TIANDITU_HOSTS } from '../../src/map/basemaps.ts';

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
    const allowX = { tiandituKey: '', tileHosts: ['x'] };
    expect(basemapSources('custom', allowX, 'https://x/{z}/{x}/{y}.png')[0]!.tiles).toEqual(['https://x/{z}/{x}/{y}.png']);
    expect(basemapSources('custom', allowX, 'pmtiles://https://x/a.pmtiles')[0]!.url).toBe('pmtiles://https://x/a.pmtiles');
    expect(basemapSources('custom', { tiandituKey: '' }, null)).toEqual([]);
  });

  it('loads custom tiles only from an allowed host, however the URL disguises it', () => {
    const config = { tiandituKey: '', tileHosts: ['tiles.example.gov.cn'] };
    expect(basemapSources('custom', config, 'https://tiles.example.gov.cn/{z}/{x}/{y}.png')).toHaveLength(1);
    expect(basemapSources('custom', config, 'https://TILES.example.gov.cn/{z}/{x}/{y}.png')).toHaveLength(1);
    for (const url of [
      'http://other.example/{z}/{x}/{y}.png',
      'https://tiles.example.gov.cn@other.example/{z}/{x}/{y}.png',
      'https://127.0.0.1@other.example/{z}/{x}/{y}.png',
      'pmtiles://http://other.example/a.pmtiles',
      'https://tiles.example.gov.cn.other.example/{z}/{x}/{y}.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'pmtiles://javascript:alert(1)',
    ]) {
      expect(basemapSources('custom', config, url), url).toEqual([]);
    }
    expect(customTilesHost('https://127.0.0.1@other.example/{z}/{x}/{y}.png')).toEqual({ error: 'a user name or password in a tile URL is refused' });
    expect(customTilesHost('pmtiles://http://other.example/a.pmtiles')).toEqual({ host: 'other.example' });
    expect(customTilesHost('data:,x')).toEqual({ error: 'only http(s) tiles' });
  });
});
