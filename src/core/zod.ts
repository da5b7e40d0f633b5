/**
 * zod, configured once for the whole project: every module imports `z` from here, not from 'zod'.
 * In a browser, jitless: zod 4 otherwise probes `new Function` to compile fast parsers, which a strict CSP
 * without 'unsafe-eval' reports as a violation (issue #16). In node (the data CLI, tests, benches) no CSP
 * applies and the compiled parsers read a 100,000-row ledger ~1.6× faster (3.4 s against 5.3 s).
 */
import { z } from 'zod';

const inNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
z.config({ jitless: !inNode });

export { z };
