import type { Lang } from '../core/model.ts';

/** MapLibre's own texts (control titles, the map's accessible name, gesture hints), in the map's language. */
export const mapLocale = (lang: Lang): Record<string, string> =>
  lang === 'zh'
    ? {
        'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
        'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动鼠标以缩放地图',
        'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
        'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
        'Map.Title': '地图',
        'NavigationControl.ZoomIn': '放大',
        'NavigationControl.ZoomOut': '缩小',
        'NavigationControl.ResetBearing': '拖动旋转地图，点击指北',
        'FullscreenControl.Enter': '全屏',
        'FullscreenControl.Exit': '退出全屏',
        'ScaleControl.Meters': '米',
        'ScaleControl.Kilometers': '公里',
      }
    : {};
