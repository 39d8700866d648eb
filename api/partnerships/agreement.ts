/**
 * @module partnerships/agreement
 * The partnership agreement and its state machine. A Learning Partnership begins by agreeing
 * outcomes, goals (each partner's own), roles (which of the three each asks of the other),
 * responsibilities, confidentiality and how often to meet. Either partner writes a version; each
 * confirms it; the partnership becomes active when both have confirmed the same version. Any
 * change is a new version that needs both confirmations again (the last confirmed one stays in
 * force meanwhile). Pure: the store keeps versions and confirmations.
 */

export const PARTNER_ROLES = ['Thinking Partner', 'Objective Supporter', 'Companion'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** What each role means, for the agreement builder (shown to learners). */
export const ROLE_MEANINGS: Record<PartnerRole, string> = {
  'Thinking Partner':
    'A sounding board who helps you get clear and challenges your perspectives and beliefs.',
  'Objective Supporter':
    'A fresh point of view, and support in spotting new strategies and opportunities.',
  Companion:
    'A fellow traveller who shares insights and learning and helps you track your success.',
};

export const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, fortnightly: 14, monthly: 30 };

export interface AgreementBody {
  outcomes: string[];
  /** each partner's own goal, by person id */
  goals: Record<string, string>;
  /** the roles each partner asks of the other, by the asking partner's id */
  roles: Record<string, PartnerRole[]>;
  responsibilities: string[];
  confidentiality: string;
  cadence: Cadence;
  /** who coaches first (optional) */
  firstCoachId?: string;
}

export interface AgreementState {
  /** latest version written, 0 when none */
  version: number;
  /** who confirmed the latest version */
  confirmedBy: string[];
  /** the latest version both confirmed, or 0 */
  agreedVersion: number;
}

export type AgreementPhase = 'none' | 'awaiting' | 'agreed';

/** Plain-words problems with an agreement for this pair (empty when it is complete). */
export function agreementProblems(
  body: AgreementBody,
  partnerIds: readonly [string, string],
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const ids = new Set(partnerIds);
  for (const id of Object.keys(body.goals))
    if (!ids.has(id)) out.push({ path: `goals.${id}`, message: 'not one of the two partners' });
  for (const id of Object.keys(body.roles))
    if (!ids.has(id)) out.push({ path: `roles.${id}`, message: 'not one of the two partners' });
  for (const id of partnerIds) {
    if (!body.goals[id]?.trim())
      out.push({ path: `goals.${id}`, message: 'each partner states their own goal' });
    if (!body.roles[id]?.length)
      out.push({ path: `roles.${id}`, message: 'each partner asks for at least one role' });
  }
  if (body.firstCoachId && !ids.has(body.firstCoachId))
    out.push({ path: 'firstCoachId', message: 'not one of the two partners' });
  return out;
}

/** A new version written: nobody has confirmed it yet, whoever wrote it. */
export function afterRevision(s: AgreementState): AgreementState {
  return { version: s.version + 1, confirmedBy: [], agreedVersion: s.agreedVersion };
}

/**
 * A partner confirms `version`. Confirming anything but the latest version is refused (`stale`):
 * the other partner changed it meanwhile, and a confirmation is only ever of words one has read.
 */
export function afterConfirmation(
  s: AgreementState,
  personId: string,
  version: number,
  partnerIds: readonly [string, string],
): AgreementState | 'stale' | 'none' {
  if (s.version === 0) return 'none';
  if (version !== s.version) return 'stale';
  const confirmedBy = s.confirmedBy.includes(personId)
    ? s.confirmedBy
    : [...s.confirmedBy, personId].sort();
  const both = partnerIds.every((id) => confirmedBy.includes(id));
  return { version: s.version, confirmedBy, agreedVersion: both ? s.version : s.agreedVersion };
}

export function agreementPhase(s: AgreementState): AgreementPhase {
  if (s.version === 0) return 'none';
  return s.agreedVersion === s.version ? 'agreed' : 'awaiting';
}
