import { visibleControls } from '../core/format.ts';

/**
 * Builds an element. Children that are strings become text nodes: text from data never becomes HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** A run this long without a space (a pasted token, a URL) gets break opportunities: see dataText. */
const LONG_RUN = /[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]{25,}/g;
const CHUNK = 16;

/**
 * Text from data (names, addresses, notes, file names) as an isolated <bdi>: its direction cannot reorder
 * ours, its bidirectional controls are shown rather than obeyed, and a long unbroken run is given a <wbr>
 * every 16 characters — Chromium lays out such a run with `overflow-wrap: anywhere` in quadratic time
 * (16 KB took 2 s, 64 KB 20 s in the card; with <wbr>s, 30 ms and 130 ms). Copying the text gives it back
 * unchanged.
 */
export function dataText(text: string, attrs: Record<string, string> = {}): HTMLElement {
  const shown = visibleControls(text);
  const parts: Array<Node | string> = [];
  let last = 0;
  for (const m of shown.matchAll(LONG_RUN)) {
    parts.push(shown.slice(last, m.index));
    for (let i = 0; i < m[0].length; i += CHUNK) {
      if (i) parts.push(document.createElement('wbr'));
      parts.push(m[0].slice(i, i + CHUNK));
    }
    last = m.index + m[0].length;
  }
  parts.push(shown.slice(last));
  return el('bdi', attrs, ...parts.filter((p) => p !== ''));
}
