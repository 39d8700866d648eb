/**
 * @module components/sb-pairing
 * Registers `<sb-pairing>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbPairing } from './sb-pairing.component.js';

export { SbPairing };
defineElement('sb-pairing', SbPairing);

declare global {
  interface HTMLElementTagNameMap {
    'sb-pairing': SbPairing;
  }
}
