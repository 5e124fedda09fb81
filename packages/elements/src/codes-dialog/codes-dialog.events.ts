/** The codes window's events: its close event is every window's (shared/events.ts). */
export { ClrDialogCloseEvent } from '../shared/events.js';
