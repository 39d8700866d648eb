/**
 * @module components/sb-scorecard
 * Registers `<sb-scorecard>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbScorecard } from './sb-scorecard.component.js';

export { SbScorecard };
defineElement('sb-scorecard', SbScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'sb-scorecard': SbScorecard;
  }
}
