import { describe, expect, it } from 'vitest';
import { acceptCommand, envelope, HOST_SOURCE } from '../../src/core/messages.ts';

const ALLOW = ['https://host.example'];
const cmd = (body: object) => ({ source: HOST_SOURCE, version: 1, ...body });

describe('acceptCommand', () => {
  it('accepts well-formed commands from an allowed origin', () => {
    expect(acceptCommand(cmd({ type: 'select-project', id: 'crec-taihe' }), 'https://host.example', ALLOW)).toEqual({ type: 'select-project', id: 'crec-taihe' });
    expect(acceptCommand(cmd({ type: 'focus-axis', id: 'daxue' }), 'https://HOST.example', ALLOW)).toEqual({ type: 'focus-axis', id: 'daxue' });
    expect(acceptCommand(cmd({ type: 'fit-district' }), 'https://host.example', ALLOW)).toEqual({ type: 'fit-district' });
  });

  it('ignores any other origin, and everything when the allowlist is empty', () => {
    expect(acceptCommand(cmd({ type: 'fit-district' }), 'https://evil.example', ALLOW)).toBeNull();
    expect(acceptCommand(cmd({ type: 'fit-district' }), 'https://host.example', [])).toBeNull();
    expect(acceptCommand(cmd({ type: 'fit-district' }), 'null', ALLOW)).toBeNull();
  });

  it('ignores malformed or foreign messages without throwing', () => {
    for (const data of [null, 'x', 42, [], {}, { source: HOST_SOURCE, version: 2, type: 'fit-district' }, cmd({ type: 'focus-axis', id: 'erqi' }), cmd({ type: 'select-project', id: 5 }), cmd({ type: 'set-filters', filter: 'all' }), cmd({ type: 'eval', code: '1' })]) {
      expect(acceptCommand(data, 'https://host.example', ALLOW)).toBeNull();
    }
  });

  it('wraps events in a versioned envelope', () => {
    expect(envelope({ type: 'height', height: 500 })).toEqual({ source: 'erqi-axis-map', version: 1, type: 'height', height: 500 });
  });
});
