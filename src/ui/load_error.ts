import type { Lang } from '../core/model.ts';

/**
 * Why a file did not load, in `lang` (load_error_text.ts). Its wording table is fetched only when something failed: it
 * is no part of a first load. Should it not come either (the server went away), the loaders' own English.
 */
export async function loadErrorSaid(error: Error, lang: Lang): Promise<string> {
  if (lang === 'en') return error.message;
  return import('./load_error_text.ts').then(
    (m) => m.loadErrorText(error.message, lang),
    () => error.message,
  );
}
