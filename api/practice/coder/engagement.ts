/**
 * @module practice/coder/engagement
 * Whether a coach turn engages with what the partner actually said. Placeholder: every turn engages.
 */
import type { CoderContext } from '../types.js';
import type { ParsedTurn } from './features.js';

export function engages(_turn: ParsedTurn, _ctx: CoderContext): boolean {
  return true;
}
