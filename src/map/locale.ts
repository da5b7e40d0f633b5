import type { Lang } from '../core/model.ts';

/**
 * MapLibre's own texts (control titles, the map's accessible name, gesture hints) and our controls', in the map's
 * language. Both languages are spelled out: switching language on a running map sets every one of them again.
 */
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
        'HomeControl.Title': '全区视图',
      }
    : {
        'AttributionControl.ToggleAttribution': 'Toggle attribution',
        'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
        'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
        'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
        'Map.Title': 'Map',
        'NavigationControl.ZoomIn': 'Zoom in',
        'NavigationControl.ZoomOut': 'Zoom out',
        'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
        'FullscreenControl.Enter': 'Enter fullscreen',
        'FullscreenControl.Exit': 'Exit fullscreen',
        'ScaleControl.Meters': 'm',
        'ScaleControl.Kilometers': 'km',
        'HomeControl.Title': 'Whole district',
      };

/** Which buttons carry which text (MapLibre sets them once, when a control is added). */
export const LOCALISED_BUTTONS: ReadonlyArray<[selector: string, key: string]> = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-fullscreen', 'FullscreenControl.Enter'],
  ['.maplibregl-ctrl-shrink', 'FullscreenControl.Exit'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
  ['.maplibregl-ctrl-home', 'HomeControl.Title'],
];
