/** Type guards for values from outside (JSON, postMessage, element calls), shared by every checker in the core. */

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** What a value is, for messages: "null", "array", or its typeof. */
export const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Is it one of these strings? */
export const isOneOf = (values: readonly string[]) => (v: unknown): boolean => typeof v === 'string' && values.includes(v);

/** A longitude and latitude in degrees, as [lon, lat] (finite, within their ranges). */
export const isLonLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90;
