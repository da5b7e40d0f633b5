/**
 * Projected coordinates as China's planning and land offices keep them — CGCS2000 Gauss–Krüger, metres, a 红线范围 or a
 * site from a CAD drawing — read as longitude and latitude. CGCS2000 and WGS84 agree here to well under a metre (a
 * site's accuracy is metres at best), so the result is taken as WGS84.
 *
 * Which projection a pair is in, from the numbers alone: an easting of eight digits carries its zone (38 469 560 is
 * 3° zone 38, central meridian 114°E; 19 769 560 is 6° zone 19, 111°E); one of six carries none, and the central
 * meridian is the one that puts the point inside `bounds` (3° meridians are 3° apart, some 270 km here: one fits).
 * Surveyors write the northing first (X north, Y east): a pair is tried both ways.
 *
 * The inverse projection is Krüger's series in the third flattening (C. F. F. Karney, "Transverse Mercator with an
 * accuracy of a few nanometers", J. Geodesy 85, 2011), to the fourth power: within a 6° zone its error is under a
 * millimetre. Written here rather than taken from proj4, which would add 130 kB (every projection it knows) to the
 * import worker for this one; the tests hold it to proj4 (a development dependency) and to the meridian arc.
 */

export interface Projected {
  lon: number;
  lat: number;
  /** The projection read, in words: CGCS2000 3° Gauss–Krüger zone 38 (central meridian 114°E). */
  projection: string;
  /** The pair was northing, easting (X, Y as surveyors write them). */
  northingFirst: boolean;
}

type Bounds = { west: number; south: number; east: number; north: number };

/** GRS80, CGCS2000's ellipsoid. */
const A_AXIS = 6_378_137;
const FLATTENING = 1 / 298.257222101;
const N = FLATTENING / (2 - FLATTENING);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
/** The rectifying radius: the meridian's length over 2π. */
const RECTIFYING = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64);
/** Krüger's β (projected → conformal sphere) and δ (conformal → geodetic latitude) coefficients, to n⁴. */
const BETA = [N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360, N2 / 48 + N3 / 15 - (437 * N4) / 1440, (17 * N3) / 480 - (37 * N4) / 840, (4397 * N4) / 161280];
const DELTA = [2 * N - (2 * N2) / 3 - 2 * N3 + (116 * N4) / 45, (7 * N2) / 3 - (8 * N3) / 5 - (227 * N4) / 45, (56 * N3) / 15 - (136 * N4) / 35, (4279 * N4) / 630];
const RAD = Math.PI / 180;

/** Transverse Mercator on GRS80, scale 1 on the central meridian: easting, northing (metres) → [lon, lat] (degrees). */
function inverseTm(easting: number, northing: number, centralMeridian: number, falseEasting: number): [number, number] {
  const xi = northing / RECTIFYING;
  const eta = (easting - falseEasting) / RECTIFYING;
  let xi1 = xi;
  let eta1 = eta;
  for (let j = 1; j <= 4; j++) {
    const b = BETA[j - 1]!;
    xi1 -= b * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    eta1 -= b * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
  let phi = chi;
  for (let j = 1; j <= 4; j++) phi += DELTA[j - 1]! * Math.sin(2 * j * chi);
  return [centralMeridian + Math.atan2(Math.sinh(eta1), Math.cos(xi1)) / RAD, phi / RAD];
}

/** The projections an easting can be in: by its zone prefix, else every 3° central meridian from 75°E to 135°E. */
function candidates(easting: number): Array<{ cm: number; falseEasting: number; name: string }> {
  if (easting >= 1e7 && easting < 1e8) {
    const zone = Math.floor(easting / 1e6);
    // 3° zones over China are 25–45 (meridian 3 × zone), 6° zones 13–23 (meridian 6 × zone − 3).
    if (zone >= 25 && zone <= 45) return [{ cm: 3 * zone, falseEasting: zone * 1e6 + 5e5, name: `CGCS2000 3° Gauss–Krüger zone ${zone} (central meridian ${3 * zone}°E)` }];
    if (zone >= 13 && zone <= 23) return [{ cm: 6 * zone - 3, falseEasting: zone * 1e6 + 5e5, name: `CGCS2000 6° Gauss–Krüger zone ${zone} (central meridian ${6 * zone - 3}°E)` }];
    return [];
  }
  if (easting <= 0 || easting >= 1e6) return [];
  return Array.from({ length: 21 }, (_, k) => 75 + 3 * k).map((cm) => ({ cm, falseEasting: 5e5, name: `CGCS2000 Gauss–Krüger, central meridian ${cm}°E, no zone number` }));
}

const inside = (b: Bounds, lon: number, lat: number) => lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;

/**
 * The projection that puts this easting and northing (either order) inside `bounds`, as a function reading every pair
 * of the same source the same way (a 红线范围's vertices); null when none does.
 */
export function projectionOf(a: number, b: number, bounds: Bounds): (Omit<Projected, 'lon' | 'lat'> & { toLonLat: (a: number, b: number) => [number, number] }) | null {
  if (!(Number.isFinite(a) && Number.isFinite(b))) return null;
  for (const [easting, northing, northingFirst] of [[a, b, false], [b, a, true]] as const) {
    // A northing in China is 1 800 km (Hainan) to 6 000 km (Heilongjiang) from the equator.
    if (northing < 1.5e6 || northing > 6.5e6) continue;
    const fits = candidates(easting).filter((c) => {
      const [lon, lat] = inverseTm(easting, northing, c.cm, c.falseEasting);
      return inside(bounds, lon, lat);
    });
    if (fits.length !== 1) continue;
    const { cm, falseEasting, name } = fits[0]!;
    const round = (v: number) => Math.round(v * 1e7) / 1e7;
    return {
      projection: name,
      northingFirst,
      toLonLat: (x, y) => {
        const [lon, lat] = northingFirst ? inverseTm(y, x, cm, falseEasting) : inverseTm(x, y, cm, falseEasting);
        return [round(lon), round(lat)];
      },
    };
  }
  return null;
}

/** Easting and northing (either order) → longitude and latitude inside `bounds`, or null when no projection puts them there. */
export function fromGaussKruger(a: number, b: number, bounds: Bounds): Projected | null {
  const p = projectionOf(a, b, bounds);
  if (!p) return null;
  const [lon, lat] = p.toLonLat(a, b);
  return { lon, lat, projection: p.projection, northingFirst: p.northingFirst };
}

/** Do these numbers look like metres of a projection rather than degrees? */
export const looksProjected = (a: number, b: number): boolean => Math.abs(a) > 1000 && Math.abs(b) > 1000;
