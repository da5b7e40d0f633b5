/**
 * An independent reference for lines and areas: JSTS (the JTS topology suite) in an azimuthal equidistant
 * projection centred on the site, built from GeographicLib's geodesic (distances from the centre are exact on
 * the ellipsoid; within a few kilometres every distance is within millimetres). Segments, straight in
 * longitude/latitude (RFC 7946), are densified every 5 m before projecting. Shares no code with src/core.
 */
import geo from 'geographiclib-geodesic';
import 'jsts/org/locationtech/jts/monkey.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import type { Geometry, Position } from 'geojson';

const WGS84 = geo.Geodesic.WGS84;
const reader = new GeoJSONReader(new GeometryFactory());
const RAD = Math.PI / 180;

/** Projection to metres around (lon0, lat0). */
export function aeqd(lon0: number, lat0: number): (p: Position) => Position {
  return (p) => {
    const r = WGS84.Inverse(lat0, lon0, p[1]!, p[0]!);
    return [r.s12! * Math.sin(r.azi1! * RAD), r.s12! * Math.cos(r.azi1! * RAD)];
  };
}

/** A chain of positions densified every ~`step` m along lon/lat-straight segments, then projected. */
function chain(line: Position[], project: (p: Position) => Position, step = 5): Position[] {
  const out: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const n = Math.max(1, Math.ceil(WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12! / step));
    for (let k = 0; k < n; k++) out.push(project([a[0]! + ((b[0]! - a[0]!) * k) / n, a[1]! + ((b[1]! - a[1]!) * k) / n]));
  }
  out.push(project(line.at(-1)!));
  return out;
}

/** A GeoJSON geometry (points, lines, polygons, Multi forms) as a JSTS geometry in the projection. */
export function toJsts(g: Geometry, project: (p: Position) => Position, step = 5) {
  const map = (): Geometry => {
    switch (g.type) {
      case 'Point':
        return { type: 'Point', coordinates: project(g.coordinates) };
      case 'MultiPoint':
        return { type: 'MultiPoint', coordinates: g.coordinates.map(project) };
      case 'LineString':
        return { type: 'LineString', coordinates: chain(g.coordinates, project, step) };
      case 'MultiLineString':
        return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => chain(l, project, step)) };
      case 'Polygon':
        return { type: 'Polygon', coordinates: g.coordinates.map((r) => chain(r, project, step)) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => chain(r, project, step))) };
      default:
        throw new Error(`toJsts: ${g.type}`);
    }
  };
  return reader.read(map());
}

/** The reference figures of a site against an axis line and zones, at a corridor half-width. */
export function reference(site: Geometry, centre: Position, axis: Position[], zones: Array<{ id: string; geometry: Geometry }>, halfWidthM: number) {
  const project = aeqd(centre[0]!, centre[1]!);
  const s = toJsts(site, project);
  const a = toJsts({ type: 'LineString', coordinates: axis }, project, 25);
  const band = a.buffer(halfWidthM, 256);
  const measure = (x: ReturnType<typeof toJsts>) => (site.type.endsWith('Polygon') ? x.getArea() : site.type.endsWith('LineString') ? x.getLength() : x.getNumPoints());
  const whole = measure(s);
  return {
    distance: s.distance(a),
    size: whole,
    corridorShare: measure(s.intersection(band)) / whole,
    zoneShares: Object.fromEntries(zones.map((z) => [z.id, measure(s.intersection(toJsts(z.geometry, project, 25))) / whole])),
  };
}
