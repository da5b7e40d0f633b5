import type { Map as MapLibreMap } from 'maplibre-gl';

/** The longest a new map stays hidden while it loads (ms). */
const REVEAL_MS = 2000;

/**
 * Shows a new map at its first complete frame. Until then it shows its background colour only, and MapLibre
 * presents a frame for each tile and glyph that arrives meanwhile: a dozen frames of the same colour, each composited
 * with the page — on software WebGL (a browser without a usable GPU, and the CI kind) 10–60 ms of the GPU process
 * apiece, which MapLibre's shader links wait behind. So the canvas is hidden until the map's `load`, over its
 * container painted that colour: the same picture, one frame instead of a dozen (PERFORMANCE.md, Session 16). At most
 * REVEAL_MS: tiles of a remote basemap that are slow to come do not keep the schematic layers from showing.
 *
 * The credits wait with it (the `map-loading` rule in the styles): MapLibre opens them as the sources' credits arrive,
 * and at `load` they are folded — the (i) button opens them; the PNG export carries them in full. Returns what stops
 * the wait, for a map removed before it loaded.
 */
export function showWhenDrawn(map: MapLibreMap, container: HTMLElement, background: string): () => void {
  const canvas = map.getCanvas();
  container.style.backgroundColor = background;
  container.classList.add('map-loading');
  canvas.style.visibility = 'hidden';
  const reveal = () => {
    clearTimeout(timer);
    canvas.style.visibility = '';
    container.classList.remove('map-loading');
  };
  const timer = setTimeout(reveal, REVEAL_MS);
  map.once('load', () => {
    reveal();
    container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  });
  return () => clearTimeout(timer);
}
