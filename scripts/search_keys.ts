/**
 * Pinyin for search, made by the data build (pinyin-pro, a maintained dictionary with context-aware readings
 * such as 步行 → buxing): "taiheli" and "zttl" find 中铁·泰和里. Made here, not in the browser, so the map's
 * download carries no dictionary; the bundle holds a few bytes per name.
 */
import { pinyin } from 'pinyin-pro';
import type { DataBundle } from '../src/core/bundle.ts';
import { placeKey, splitNames } from '../src/core/search.ts';

const HAN = /\p{Script=Han}/u;

/** Full pinyin and initials of a name, without tones ("zhongtietaiheli zttthl"), or null for a name without Han. */
export function pinyinOf(name: string): string | null {
  if (!HAN.test(name)) return null;
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return `${full} ${initials}`.toLowerCase();
}

/** The search keys of every project (its names and other names) and every place (landmarks, axes, zones). */
export function searchKeys(bundle: Pick<DataBundle, 'projects' | 'landmarks' | 'axes' | 'zones'>): Record<string, string> {
  const keys: Record<string, string> = {};
  const add = (key: string, names: ReadonlyArray<string | null | undefined>) => {
    const all = [...new Set(names.filter((n): n is string => !!n).map(pinyinOf).filter((k): k is string => k !== null))];
    if (all.length) keys[key] = all.join(' ');
  };
  for (const p of bundle.projects) add(p.id, [p.name_zh, ...splitNames(p.other_names)]);
  for (const f of bundle.landmarks.features) add(placeKey('landmark', String(f.properties?.['id'] ?? f.properties?.['name_zh'])), [f.properties?.['name_zh'] as string]);
  for (const f of bundle.axes.features) add(placeKey('axis', f.properties.id), [f.properties.name_zh]);
  for (const f of bundle.zones.features) add(placeKey('zone', f.properties.id), [f.properties.name_zh]);
  return keys;
}
