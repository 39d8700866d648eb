/**
 * @module components/sb-facilitator
 * Registers `<sb-facilitator>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbFacilitator } from './sb-facilitator.component.js';

export { SbFacilitator };
defineElement('sb-facilitator', SbFacilitator);

declare global {
  interface HTMLElementTagNameMap {
    'sb-facilitator': SbFacilitator;
  }
}
