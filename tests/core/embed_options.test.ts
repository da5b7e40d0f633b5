import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, parseEmbedOptions } from '../../src/core/embed_options.ts';

const LAYOUT = { axisIds: ['songshan', 'daxue', 'jingguang'], zoneIds: ['north', 'central', 'south'] };
const parse = (q: string) => parseEmbedOptions(new URLSearchParams(q), LAYOUT);

describe('embed options', () => {
  it('has documented defaults', () => {
    expect(parse('')).toEqual({ options: DEFAULT_EMBED, warnings: [] });
  });

  it('reads every option', () => {
    expect(parse('controls=zoom,search&panel=full&interactive=false&theme=dark&height=600&origins=https://a.example,http://127.0.0.1:8080/&zone=south').options).toEqual({
      controls: ['zoom', 'search'],
      panel: 'full',
      interactive: false,
      theme: 'dark',
      height: 600,
      origins: ['https://a.example', 'http://127.0.0.1:8080'],
      zone: 'south',
    });
    expect(parse('controls=none').options.controls).toEqual([]);
  });

  it('ignores bad values and unknown keys with a warning, leaving the state keys to the URL state', () => {
    const { options, warnings } = parse('panel=huge&interactive=no&origins=*,javascript:x&zone=west&foo=1&axis=daxue&lang=en');
    expect(options).toEqual(DEFAULT_EMBED);
    expect(warnings).toEqual([
      'embed parameter panel=huge ignored: use none, compact, full',
      'embed parameter interactive=no ignored: use true or false',
      'embed parameter origins=*,javascript:x ignored: use exact origins such as https://www.example.gov.cn',
      'embed parameter zone=west ignored: use north, central, south',
      'embed parameter foo is unknown and ignored',
    ]);
  });
});
