/**
 * <erqi-axis-map>: the map as a custom element, from one ES module.
 *
 *   <script type="module" src="https://…/erqi-axis-map.js"></script>
 *   <erqi-axis-map axis="songshan" lang="en" panel="compact" style="height:480px"></erqi-axis-map>
 *
 * Attributes mirror the iframe's URL parameters (EMBEDDING.md); `src` is the data bundle (default: data/bundle.json
 * beside this module). Methods: selectProject(id), focusAxis(id), setFilters(filter), fitDistrict(), destroy().
 * Events (bubbling, composed): ready, project-select, axis-select, filter-change — the detail is the message
 * payload of the iframe protocol. Everything lives in a shadow root: the page's CSS cannot reach in, and ours
 * cannot leak out.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import type { DataBundle } from '../core/bundle.ts';
import { EMBED_PARAMS, parseEmbedOptions } from '../core/embed_options.ts';
import type { Filter } from '../core/facets.ts';
import type { MapEvent } from '../core/messages.ts';
import type { AxisId } from '../core/model.ts';
import { DATA_BUNDLE, parseUrlState, serializeUrlState, STATE_PARAMS, type UrlState } from '../core/url_state.ts';
import { loadData, loadStart, type Loaded } from '../load_bundle.ts';
import { readPages } from '../app/read_pages.ts';
import embedCss from './embed.css?inline';
import { firstMount, mountEmbed, showLoadFailure, wholeOnDemand, type EmbedHandle } from './mount_embed.ts';

/** Every attribute: the shared state's parameters and the embed's own (origins are the iframe's only). */
const OBSERVED = [...STATE_PARAMS, ...EMBED_PARAMS.filter((p) => p !== 'origins')];

let sheet: CSSStyleSheet | null = null;
function sharedSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `:host { display: block; position: relative; contain: content; }\n${maplibreCss}\n${embedCss}\n.root { all: initial; display: block; width: 100%; height: 100%; min-height: 320px; }`,
    );
  }
  return sheet;
}

/** Bundles already fetched, shared by every element on the page that uses the same file. */
const bundles = new Map<string, Promise<Loaded>>();

export class ErqiAxisMap extends HTMLElement {
  static observedAttributes = OBSERVED;
  private handle: EmbedHandle | null = null;
  private mounting = 0;
  private pending: Array<(h: EmbedHandle) => void> = [];
  private readonly shadow: ShadowRoot;
  private readonly root: HTMLDivElement;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet, not a <style> element: allowed under a strict style-src CSP, and shared by
    // every instance. :host is the element itself; a hostile page rule on it (e.g. `* { all: unset }`) can
    // only make it inline, so the inner root keeps its own size, font and colours.
    this.shadow.adoptedStyleSheets = [sharedSheet()];
    this.root = document.createElement('div');
    this.root.className = 'root';
    this.shadow.append(this.root);
  }

  connectedCallback(): void {
    void this.mount();
  }

  disconnectedCallback(): void {
    this.destroy();
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (this.isConnected && this.handle && oldValue !== newValue) void this.mount();
  }

  /** Opens a project's card (null closes it); false when there is no such project. */
  selectProject(id: string | null): Promise<boolean> {
    return this.whenReady((h) => h.selectProject(id)).then((found) => found);
  }

  /** Highlights an axis (null clears); false, with a console warning, for an unknown axis. */
  focusAxis(id: AxisId | null): Promise<boolean> {
    return this.whenReady((h) => h.focusAxis(id));
  }

  /** Replaces the given facets; false (and a console warning naming each field) when the filter is malformed. */
  setFilters(filter: Partial<Filter>): Promise<boolean> {
    return this.whenReady((h) => h.setFilters(filter));
  }

  fitDistrict(): Promise<void> {
    return this.whenReady((h) => h.fitDistrict());
  }

  /** Removes the map and frees its WebGL context; the element stays and re-mounts if re-inserted. */
  destroy(): void {
    this.mounting++;
    this.handle?.destroy();
    this.handle = null;
  }

  private whenReady<T>(fn: (h: EmbedHandle) => T): Promise<T> {
    if (this.handle) return Promise.resolve(fn(this.handle));
    return new Promise((resolve) => this.pending.push((h) => resolve(fn(h))));
  }

  private emit(event: MapEvent): void {
    const { type, ...detail } = event;
    if (type === 'height') return;
    if (type === 'ready') performance.mark('erqi:ready');
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private async mount(): Promise<void> {
    const run = ++this.mounting;
    this.handle?.destroy();
    this.handle = null;
    // Built: the folder of erqi-axis-map.js, beside index.html. Under `npm start` this module is
    // /src/embed/element.ts and the app's files are at the server's root.
    const base = new URL(import.meta.env.DEV ? '/' : '.', import.meta.url);
    // `src` names a bundle; without it, the published one — or the SAMPLE ledger when `data="sample"` asks for it.
    const src = new URL(this.getAttribute('src') ?? DATA_BUNDLE[this.getAttribute('data') === 'sample' ? 'sample' : 'published'], base).href;
    let start;
    try {
      let p = bundles.get(src);
      if (!p) bundles.set(src, (p = loadData(src, readPages)));
      start = await loadStart(p, base);
    } catch (e) {
      bundles.delete(src);
      await showLoadFailure(this.root, e as Error, this.getAttribute('lang') === 'en' ? 'en' : 'zh', () => run === this.mounting);
      this.dispatchEvent(new CustomEvent('error', { detail: { message: (e as Error).message } }));
      return;
    }
    if (run !== this.mounting) return; // a newer mount or a destroy came first
    const { bundle, config, pinTiles, layout, pages } = start;
    const pairs = OBSERVED.filter((a) => this.hasAttribute(a)).map((a): [string, string] => [a, this.getAttribute(a)!]);
    const query = pairs.filter(([k]) => k !== 'src').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const { state, warnings } = parseUrlState(query, layout);
    const { options, warnings: more } = parseEmbedOptions(pairs, layout);
    for (const w of [...warnings, ...more]) console.warn(`<erqi-axis-map>: ${w}`);
    // A ledger in pages, asked for a view they do not hold (a host's filter, a zone option): the whole ledger,
    // loaded once per src and shared by every element showing it.
    const loadWhole = (): Promise<DataBundle> => {
      const full = loadData(pages!.bundleUrl);
      bundles.set(src, full);
      return full.then(
        (loaded) => loaded.bundle,
        (e: Error) => {
          bundles.set(src, Promise.resolve({ bundle, pages }));
          throw e;
        },
      );
    };
    const onWhole: (() => void) | undefined = pages
      ? wholeOnDemand(pages, bundle, options, {
          load: loadWhole,
          current: () => (run === this.mounting ? this.handle : null),
          mount: (data, at, opts, paged) => {
            this.handle?.destroy();
            this.handle = mountWith(data, at, opts, paged);
          },
        }, '<erqi-axis-map>')
      : undefined;
    const mountWith = (data: DataBundle, at: UrlState, opts: typeof options, paged: Loaded['pages'] | null): EmbedHandle =>
      mountEmbed(this.root, data, config, at, { ...opts, origins: [] }, {
        emit: (e) => this.emit(e),
        fullMapUrl: (s) => new URL(`index.html${serializeUrlState(s)}`, base).href,
        pinTiles,
        pages: paged ?? null,
        ...(onWhole ? { onWhole } : {}),
      });
    // A view the pages do not hold is mounted once, from the whole ledger loaded first (firstMount).
    const first = await firstMount(pages ?? null, bundle, state, options, loadWhole, this.root, '<erqi-axis-map>');
    if (run !== this.mounting) return; // a newer mount or a destroy came while the ledger loaded
    const handle = mountWith(first.data, first.state, first.options, first.pages);
    this.handle = handle;
    for (const fn of this.pending.splice(0)) fn(handle);
  }
}

if (!customElements.get('erqi-axis-map')) customElements.define('erqi-axis-map', ErqiAxisMap);

declare global {
  interface HTMLElementTagNameMap {
    'erqi-axis-map': ErqiAxisMap;
  }
}
