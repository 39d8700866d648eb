/**
 * @module components/sb-progress
 * Registers `<sb-progress>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbProgress } from './sb-progress.component.js';

export { SbProgress };
defineElement('sb-progress', SbProgress);

declare global {
  interface HTMLElementTagNameMap {
    'sb-progress': SbProgress;
  }
}
