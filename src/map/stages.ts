import type { Status } from '../core/model.ts';

/**
 * Pin shapes: the colour says the axis, the shape says the stage, so status never rests on colour alone.
 * All four are drawn with circle layers (style.ts), which the GPU draws without symbol layout: a filter change
 * at tens of thousands of pins costs the clustering, not icon placement.
 *   done (completed, operating)        ●  filled disc
 *   building (started, under constr.)  ◉  filled disc with a white centre
 *   pipeline (planned … signed)        ○  ring
 *   unknown status                     ⊙  ring with a dot
 * Lines and area outlines say the stage by their dashes, areas also by how solid their fill is (STAGE_LINE).
 */
export const STAGES = ['done', 'building', 'pipeline', 'unknown'] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(status: Status | null | 'unknown'): Stage {
  switch (status) {
    case 'completed':
    case 'operating':
      return 'done';
    case 'started':
    case 'under_construction':
      return 'building';
    case 'planned':
    case 'negotiating':
    case 'signed':
      return 'pipeline';
    default:
      return 'unknown';
  }
}

/** Stages drawn as a filled disc (the others are rings). */
export const FILLED_STAGES: readonly Stage[] = ['done', 'building'];
/** Stages with a dot in the centre: white on a filled disc, coloured in a ring. */
export const DOTTED_STAGES: readonly Stage[] = ['building', 'unknown'];

/**
 * How a line or an area outline is dashed at each stage (in line widths; [1, 0] is solid), and how opaque an
 * area's fill is: built and building read solid, the pipeline and the unknown faint and dotted.
 */
export const STAGE_LINE: Record<Stage, { dash: [number, number]; fill: number }> = {
  done: { dash: [1, 0], fill: 0.45 },
  building: { dash: [3, 1.5], fill: 0.3 },
  pipeline: { dash: [1, 1.5], fill: 0.12 },
  unknown: { dash: [0.5, 2.5], fill: 0.12 },
};

/**
 * Pins sized by total investment where it is disclosed: classes of 亿元 (lower bounds) and how much larger than the
 * standard pin each draws. An undisclosed amount keeps the standard size — the smallest — so no size ever stands
 * for an amount nobody gave.
 */
export const INVESTMENT_CLASSES: ReadonlyArray<{ from: number; scale: number }> = [
  { from: 0, scale: 1.35 },
  { from: 1, scale: 1.7 },
  { from: 10, scale: 2.2 },
];
