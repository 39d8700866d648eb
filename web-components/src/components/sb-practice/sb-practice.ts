/**
 * @module components/sb-practice
 * Registers `<sb-practice>` (once, however often the bundle is loaded).
 */
import { defineElement } from '../../core/define.js';
import { SbPractice } from './sb-practice.component.js';

export { SbPractice };
defineElement('sb-practice', SbPractice);

declare global {
  interface HTMLElementTagNameMap {
    'sb-practice': SbPractice;
  }
}
