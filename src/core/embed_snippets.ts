import { serializeUrlState, type UrlState } from './url_state.ts';

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
export function iframeSnippet(base: string, state: UrlState, title: string): string {
  const src = `${base}embed.html${serializeUrlState({ ...state, view: state.view })}`;
  return [
    `<iframe id="erqi-map" src="${escapeAttr(src)}" title="${escapeAttr(title)}"`,
    `  style="width:100%;height:520px;border:0" loading="lazy" allow="fullscreen"></iframe>`,
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
export function elementSnippet(base: string, state: UrlState): string {
  const attrs = pairs(serializeUrlState(state))
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  return [`<script type="module" src="${escapeAttr(`${base}erqi-axis-map.js`)}"></script>`, `<erqi-axis-map${attrs} style="display:block;height:480px"></erqi-axis-map>`].join('\n');
}
