/**
 * @module components/sb-programme-report
 * Registers `<sb-programme-report>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbProgrammeReport } from './sb-programme-report.component.js';

export { SbProgrammeReport };
defineElement('sb-programme-report', SbProgrammeReport);

declare global {
  interface HTMLElementTagNameMap {
    'sb-programme-report': SbProgrammeReport;
  }
}
