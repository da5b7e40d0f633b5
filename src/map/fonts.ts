/**
 * CSS font stack for Han characters, drawn locally (no glyph server). A module of its own, with no side effects: the
 * bench's bare page draws the app's style with it without loading the map's code (bench/bare.ts).
 */
export const LOCAL_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
