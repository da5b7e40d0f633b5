/**
 * The baseline page: plain MapLibre drawing the same bundle's axes and projects (clustered GeoJSON circles)
 * with none of the app. Built by bench/load.ts only; not part of the product.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LOCAL_FONTS } from '../src/map/fonts.ts';

setWorkerUrl(workerUrl);
declare global {
  interface Window {
    __bare?: { ready: boolean; map?: MapLibreMap };
  }
}
window.__bare = { ready: false };
const params = new URLSearchParams(location.search);
// Four modes: the app's bundle (default), a plain GeoJSON file of points (?points=URL), vector tiles cut by
// scripts/tiles.ts (?tiles=1, from ./tiles/{z}/{x}/{y}.pbf), or a style the app made, as MapLibre gave it back
// (?style=URL&w=&h=&center=lon,lat&zoom=: the app's map drawn by MapLibre alone, at the app's map size and view).
const vector = params.get('tiles') === '1';
const own = params.get('style') ? await (await fetch(params.get('style')!)).json() : null;
const bundle = vector || own || params.get('points') ? null : await (await fetch(params.get('data') ?? 'data/bundle.json')).json();
// A bare page has no use for the data build's placements: it parses them (the same file) but does not keep them.
if (bundle) delete bundle.placements;
const points = params.get('points')
  ? await (await fetch(params.get('points')!)).json()
  : {
      type: 'FeatureCollection',
      features: (bundle?.projects ?? []).filter((p: { site: unknown }) => p.site).map((p: { id: string; site: { lon: number; lat: number } }) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.site.lon, p.site.lat] } })),
    };
performance.mark('erqi:data');
const tilesUrl = new URL('tiles/{z}/{x}/{y}.pbf', location.href).href.replace(/%7B/g, '{').replace(/%7D/g, '}');
performance.mark('erqi:map');
const container = document.getElementById('map')!;
if (own) Object.assign(container.style, { width: `${params.get('w')}px`, height: `${params.get('h')}px` });
const map = new MapLibreMap({
  container,
  ...(own
    ? {
        center: params.get('center')!.split(',').map(Number) as [number, number],
        zoom: Number(params.get('zoom')),
        // As the app's map (src/map/map_view.ts): labels from local fonts, no fade.
        localIdeographFontFamily: LOCAL_FONTS,
        fadeDuration: 0,
      }
    : { bounds: [[113.498, 34.601], [113.671, 34.768]] }),
  style: own ?? {
    version: 8,
    sources: {
      projects: vector
        ? { type: 'vector', tiles: [tilesUrl], maxzoom: 14 }
        : { type: 'geojson', data: points as never, cluster: true, clusterRadius: 36, clusterMaxZoom: 13 },
      ...(bundle ? { axes: { type: 'geojson', data: bundle.axes } } : {}),
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#eef1f4' } },
      ...(bundle ? [{ id: 'axes', type: 'line' as const, source: 'axes', paint: { 'line-color': '#0072B2', 'line-width': 3 } }] : []),
      { id: 'clusters', type: 'circle', source: 'projects', ...(vector ? { 'source-layer': 'projects' } : {}), filter: ['has', 'point_count'], paint: { 'circle-radius': 14, 'circle-color': '#374151' } },
      { id: 'pins', type: 'circle', source: 'projects', ...(vector ? { 'source-layer': 'projects' } : {}), filter: ['!', ['has', 'point_count']], paint: { 'circle-radius': 6, 'circle-color': '#D55E00' } },
    ],
  },
});
window.__bare.map = map;
map.once('load', () => performance.mark('erqi:map-load'));
map.once('idle', () => {
  performance.mark('erqi:map-idle');
  performance.mark('erqi:ready');
  window.__bare!.ready = true;
});
