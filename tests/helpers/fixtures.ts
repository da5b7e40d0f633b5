import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file of tests/fixtures, as text. */
export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
