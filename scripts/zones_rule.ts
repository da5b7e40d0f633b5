/**
 * The schematic zone rule. No source names or delimits the report's "三区"; until an official polygon
 * is dropped into geo/zones.geojson, the district is cut at two ring-road latitudes (measured from bus
 * stops where the roads cross 大学路) into three bands. Names say "schematic" on purpose.
 */
export const ZONE_CUTS = [
  { id: 'north', south: 34.702, north: 35.0, name_zh: '北片（示意）', name_en: 'North (schematic)' },
  { id: 'central', south: 34.662, north: 34.702, name_zh: '中片（示意）', name_en: 'Central (schematic)' },
  { id: 'south', south: 34.3, north: 34.662, name_zh: '南片（示意）', name_en: 'South (schematic)' },
] as const;

export const SCHEMATIC_ZONE_RULE =
  'district cut at lat 34.702 (南三环, South 3rd Ring Rd) and lat 34.662 (南四环, South 4th Ring Rd); not official zones';

/** The rule as the map's note says it (the precise latitudes are in `rule`). */
export const SCHEMATIC_ZONE_RULE_SHORT = { zh: '按南三环、南四环纬度划分', en: 'cut at the S. 3rd and 4th Ring Rd latitudes' } as const;
