import type { Lang } from '../core/model.ts';
import { t } from './strings.ts';

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

/** "无法加载数据文件: <file>：<why>" / "Could not load the data file: <file>: <why>", for a notice or an alert. */
export const loadFailureSaid = async (error: Error, lang: Lang): Promise<string> => `${t('loadError', lang)}: ${await loadErrorSaid(error, lang)}`;
