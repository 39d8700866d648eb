/**
 * @module evals/views
 * The two ways the coder is compared with human labels. *Fine*: seven labels (affirmation,
 * self-disclosure and judgement count as other). *Coarse*: question, reflection, advice, other,
 * the only view for datasets without question/reflection subtypes (ESConv).
 */

export type ViewName = 'fine' | 'coarse';

export const FINE_LABELS = [
  'open_question',
  'closed_question',
  'simple_reflection',
  'complex_reflection',
  'advice',
  'information',
  'other',
] as const;
export const COARSE_LABELS = ['question', 'reflection', 'advice', 'other'] as const;

/** A label in the fine view, or null when the label has no fine equivalent (an unsubtyped question). */
export function toFine(label: string): string | null {
  if ((FINE_LABELS as readonly string[]).includes(label)) return label;
  if (label === 'question' || label === 'reflection') return null;
  return 'other';
}

/** A label in the coarse view. Information counts as other here. */
export function toCoarse(label: string): string {
  if (label === 'open_question' || label === 'closed_question' || label === 'question')
    return 'question';
  if (label === 'simple_reflection' || label === 'complex_reflection' || label === 'reflection')
    return 'reflection';
  if (label === 'advice') return 'advice';
  return 'other';
}

/** Views a dataset's gold labels support: fine only when every gold label has a fine equivalent. */
export function viewsFor(goldLabels: readonly string[]): ViewName[] {
  return goldLabels.every((l) => toFine(l) !== null) ? ['fine', 'coarse'] : ['coarse'];
}
