import { DEFAULT_EMBED, type EmbedOptions } from './embed_options.ts';
import { serializeUrlState, type UrlState } from './url_state.ts';

/** What the Embed dialog lets an editor choose beside the view: the embed's own parameters (embed_options.ts). */
export type EmbedChoice = Pick<EmbedOptions, 'panel' | 'theme' | 'height' | 'interactive'>;

/** The chosen embed parameters that differ from the defaults, in a fixed order, as URL pairs. */
export function embedPairs(choice: Partial<EmbedChoice>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (choice.panel !== undefined && choice.panel !== DEFAULT_EMBED.panel) out.push(['panel', choice.panel]);
  if (choice.theme !== undefined && choice.theme !== DEFAULT_EMBED.theme) out.push(['theme', choice.theme]);
  if (choice.height !== undefined && choice.height !== DEFAULT_EMBED.height) out.push(['height', String(choice.height)]);
  if (choice.interactive !== undefined && choice.interactive !== DEFAULT_EMBED.interactive) out.push(['interactive', String(choice.interactive)]);
  return out;
}

/** The embed page's address for a state and choice (the Embed dialog's preview loads it). */
export function embedUrl(base: string, state: UrlState, choice: Partial<EmbedChoice> = {}): string {
  const query = serializeUrlState({ ...state, view: state.view });
  const extra = embedPairs(choice).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${base}embed.html${query}${extra.length ? `${query ? '&' : '?'}${extra.join('&')}` : ''}`;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `?a=1&b=2` → [['a','1'], ['b','2']] (values stay encoded as the URL codec wrote them, then decoded). */
function pairs(query: string): Array<[string, string]> {
  return query
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i), decodeURIComponent(p.slice(i + 1))];
    });
}

/**
 * The iframe snippet for a state: the frame plus the few lines that fit its height to the map and
 * accept its messages only from the map's origin. `base` is the folder the app is served from.
 */
export function iframeSnippet(base: string, state: UrlState, title: string, choice: Partial<EmbedChoice> = {}): string {
  const src = embedUrl(base, state, choice);
  // The frame starts a little taller than its map (the panel below); the map then reports its real height.
  const height = (choice.height ?? 420) + (choice.panel === 'none' ? 0 : 100);
  return [
    `<iframe id="erqi-map" src="${escapeAttr(src)}" title="${escapeAttr(title)}"`,
    `  style="width:100%;height:${height}px;border:0" loading="lazy" allow="fullscreen"></iframe>`,
    `<script>`,
    `addEventListener('message', function (e) {`,
    `  var f = document.getElementById('erqi-map'), m = e.data;`,
    `  if (e.source !== f.contentWindow || !m || m.source !== 'erqi-axis-map') return;`,
    `  if (m.type === 'height') f.style.height = m.height + 'px';`,
    `});`,
    `</script>`,
  ].join('\n');
}

/** The custom-element snippet: the module and one element whose attributes hold the state. */
export function elementSnippet(base: string, state: UrlState, choice: Partial<EmbedChoice> = {}): string {
  const attrs = [...pairs(serializeUrlState(state)), ...embedPairs({ ...choice, height: undefined })]
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  const height = choice.height ?? 480;
  return [`<script type="module" src="${escapeAttr(`${base}erqi-axis-map.js`)}"></script>`, `<erqi-axis-map${attrs} style="display:block;height:${height}px"></erqi-axis-map>`].join('\n');
}
