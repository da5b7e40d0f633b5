import { checkBundle } from '../core/bundle_shape.ts';
import type { PagesReader } from '../load_bundle.ts';
import { DataModel } from './derive.ts';

/**
 * Reads a ledger in pages (ledger_pages.ts), whose code loads only then: the app, the iframe and the element pass
 * this to loadStart. The page's own DataModel and checker are handed over, not imported there (that would split the
 * first download into more files).
 */
export const readPages: PagesReader = async (json, url) => (await import('./ledger_pages.ts')).pagesOf(json, url, { DataModel, checkBundle });
