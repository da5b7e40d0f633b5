/** The editor, loaded when a planner presses 编辑 / Edit (main.ts). */
export { editPanel } from './edit_panel.ts';
export { et } from './edit_strings.ts';
export { JournalUnavailable, startSession, type EditSession } from './session.ts';
