/**
 * @module components/sb-drills
 * Registers `<sb-drills>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbDrills } from './sb-drills.component.js';

export { SbDrills };
defineElement('sb-drills', SbDrills);

declare global {
  interface HTMLElementTagNameMap {
    'sb-drills': SbDrills;
  }
}
