/**
 * Compile-time check (npm run typecheck): the published element types (public/erqi-axis-map.d.ts) describe
 * the real class. Never run.
 */
import type { ErqiAxisMap as Published, Filter as PublishedFilter } from '../../public/erqi-axis-map.d.ts';
import type { ErqiAxisMap as Real } from '../../src/embed/element.ts';
import type { Filter } from '../../src/core/facets.ts';

type Methods = 'selectProject' | 'focusAxis' | 'setFilters' | 'fitDistrict' | 'destroy';
export const realMatchesPublished = (x: Pick<Real, Methods>): Pick<Published, Methods> => x;
export const publishedMatchesReal = (x: Pick<Published, Methods>): Pick<Real, Methods> => x;
export const filtersAgree = (f: Filter): PublishedFilter => f;
export const filtersAgreeBack = (f: PublishedFilter): Filter => f;
