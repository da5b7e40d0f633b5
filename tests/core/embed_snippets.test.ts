import { describe, expect, it } from 'vitest';
import { elementSnippet, iframeSnippet } from '../../src/core/embed_snippets.ts';
import { DEFAULT_STATE, parseUrlState } from '../../src/core/url_state.ts';

const state = { ...DEFAULT_STATE, lang: 'en' as const, selection: { kind: 'axis' as const, id: 'daxue' as const }, filter: { ...DEFAULT_STATE.filter, statuses: ['started' as const, 'signed' as const] } };

describe('embed snippets', () => {
  it('write the current state into the iframe URL', () => {
    const s = iframeSnippet('https://map.example/erqi/', state, 'Erqi "map"');
    expect(s).toContain('src="https://map.example/erqi/embed.html?lang=en&amp;axis=daxue&amp;status=started,signed"');
    expect(s).toContain('title="Erqi &quot;map&quot;"');
    expect(s).toContain("m.source !== 'erqi-axis-map'");
  });

  it('write the current state as element attributes that parse back to the same state', () => {
    const s = elementSnippet('https://map.example/erqi/', state);
    expect(s).toBe(
      '<script type="module" src="https://map.example/erqi/erqi-axis-map.js"></script>\n' +
        '<erqi-axis-map lang="en" axis="daxue" status="started,signed" style="display:block;height:480px"></erqi-axis-map>',
    );
    const attrs = [...s.matchAll(/ (\w+)="([^"]*)"/g)].filter(([, k]) => !['src', 'style', 'type'].includes(k!));
    const query = '?' + attrs.map(([, k, v]) => `${k}=${v}`).join('&');
    expect(parseUrlState(query, { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: [] }).state).toEqual(state);
  });
});
