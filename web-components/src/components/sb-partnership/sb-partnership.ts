/**
 * @module components/sb-partnership
 * Registers `<sb-partnership>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbPartnership } from './sb-partnership.component.js';

export { SbPartnership };
defineElement('sb-partnership', SbPartnership);

declare global {
  interface HTMLElementTagNameMap {
    'sb-partnership': SbPartnership;
  }
}
