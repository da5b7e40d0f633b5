/**
 * zod, configured once for the whole project: every module imports `z` from here, not from 'zod'.
 * jitless: zod 4 otherwise probes `new Function` to compile fast parsers, which a strict CSP without
 * 'unsafe-eval' reports as a violation (issue #16); our schemas are small, so the interpreter costs nothing.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
