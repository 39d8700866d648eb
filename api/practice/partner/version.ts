/**
 * @module practice/partner/version
 * Stored on every session, so a transcript can be replayed against the rules that produced it.
 * Bump when thresholds, transitions or reply banks change behaviour.
 */
export const PARTNER_ENGINE_VERSION = 'scripted-partner-1.2.0';
