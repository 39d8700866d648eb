/**
 * @module lti/deep-linking
 * Deep Linking 2.0: an instructor picks a drill, and the tool answers the platform with a signed
 * `LtiDeepLinkingResponse` holding one `ltiResourceLink` content item. The item carries the drill
 * as the custom parameter `drill_id` (the platform sends it back on every launch of the link) and,
 * when grades are wanted, a line item the platform creates with the link.
 * Between the picker page and the response, the request's settings travel in a short-lived ticket
 * signed with the server secret, so nothing about the request is kept on the server.
 */
import { SignJWT } from 'jose';
import { readTicket, signTicket } from '../auth/tickets.js';
import { CLAIM, LTI_VERSION, MESSAGE_TYPES } from './claims.js';
import type { SigningKey } from './tool-keys.js';

const TICKET_AUDIENCE = 'sounding-board/lti-deep-link';
export const DEEP_LINK_TICKET_TTL_S = 30 * 60;

/** What the picker page needs to answer the platform. */
export interface DeepLinkTicket {
  platformId: string;
  orgId: string;
  personId: string;
  deploymentId: string;
  returnUrl: string;
  data?: string;
  acceptLineItem: boolean;
}

export async function signDeepLinkTicket(
  secret: string,
  t: DeepLinkTicket,
  now: Date,
): Promise<string> {
  return signTicket(secret, TICKET_AUDIENCE, { ...t }, DEEP_LINK_TICKET_TTL_S, now);
}

/** The ticket's contents, or null when it is forged or expired. */
export async function readDeepLinkTicket(
  secret: string,
  ticket: string,
  now: Date,
): Promise<DeepLinkTicket | null> {
  const p = (await readTicket(
    secret,
    TICKET_AUDIENCE,
    ticket,
    now,
  )) as unknown as DeepLinkTicket | null;
  if (
    typeof p?.platformId !== 'string' ||
    typeof p.returnUrl !== 'string' ||
    typeof p.deploymentId !== 'string'
  )
    return null;
  return p;
}

export interface DeepLinkedDrill {
  drillId: string;
  title: string;
  description?: string;
  /** the launch URL of this tool */
  launchUrl: string;
  /** ask the platform for a gradebook column, out of 100 */
  graded: boolean;
}

/** The content item for a drill, as the platform stores it. */
export function drillContentItem(d: DeepLinkedDrill) {
  return {
    type: 'ltiResourceLink',
    title: d.title,
    ...(d.description ? { text: d.description } : {}),
    url: d.launchUrl,
    custom: { drill_id: d.drillId },
    ...(d.graded
      ? {
          lineItem: {
            scoreMaximum: 100,
            label: d.title,
            resourceId: d.drillId,
            tag: 'sounding-board-drill',
          },
        }
      : {}),
  };
}

/**
 * The signed response JWT the browser posts to the platform's `deep_link_return_url` (as `JWT`).
 * `iss` is the tool's client id, `aud` the platform's issuer.
 */
export async function signDeepLinkingResponse(
  key: SigningKey,
  opts: {
    clientId: string;
    platformIssuer: string;
    deploymentId: string;
    data?: string;
    items: ReturnType<typeof drillContentItem>[];
    message?: string;
    now: Date;
  },
): Promise<string> {
  const iat = Math.floor(opts.now.getTime() / 1000);
  return new SignJWT({
    nonce: crypto.randomUUID(),
    [CLAIM.messageType]: MESSAGE_TYPES.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: opts.deploymentId,
    [CLAIM.contentItems]: opts.items,
    ...(opts.data !== undefined ? { [CLAIM.dlData]: opts.data } : {}),
    ...(opts.message ? { [CLAIM.dlMessage]: opts.message } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(opts.clientId)
    .setAudience(opts.platformIssuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600)
    .sign(key.key);
}
