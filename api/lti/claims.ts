/**
 * @module lti/claims
 * The LTI 1.3 vocabulary the tool reads and writes: claim names (1EdTech Core, Deep Linking 2.0,
 * Assignment and Grade Services 2.0) and the shapes of the claims it relies on.
 */

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
const AGS = 'https://purl.imsglobal.org/spec/lti-ags/';

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  deepLinkingSettings: `${DL}deep_linking_settings`,
  contentItems: `${DL}content_items`,
  dlData: `${DL}data`,
  dlMessage: `${DL}msg`,
  agsEndpoint: `${AGS}claim/endpoint`,
} as const;

export const LTI_VERSION = '1.3.0';

export const MESSAGE_TYPES = {
  resourceLink: 'LtiResourceLinkRequest',
  deepLinkingRequest: 'LtiDeepLinkingRequest',
  deepLinkingResponse: 'LtiDeepLinkingResponse',
} as const;

export const AGS_SCOPE = {
  score: `${AGS}scope/score`,
  lineItem: `${AGS}scope/lineitem`,
  lineItemReadOnly: `${AGS}scope/lineitem.readonly`,
  resultReadOnly: `${AGS}scope/result.readonly`,
} as const;

export interface ResourceLinkClaim {
  id: string;
  title?: string;
  description?: string;
}

export interface ContextClaim {
  id: string;
  label?: string;
  title?: string;
  type?: string[];
}

export interface DeepLinkingSettings {
  deep_link_return_url: string;
  accept_types: string[];
  accept_presentation_document_targets?: string[];
  accept_multiple?: boolean;
  accept_lineitem?: boolean;
  data?: string;
  title?: string;
  text?: string;
}

export interface AgsEndpointClaim {
  scope: string[];
  lineitems?: string;
  lineitem?: string;
}

/** The claims of a validated launch, as the rest of the tool reads them. */
export interface LaunchClaims {
  sub: string;
  messageType:
    (typeof MESSAGE_TYPES)['resourceLink'] | (typeof MESSAGE_TYPES)['deepLinkingRequest'];
  deploymentId: string;
  targetLinkUri: string;
  roles: string[];
  name: string | null;
  email: string | null;
  context: ContextClaim | null;
  resourceLink: ResourceLinkClaim | null;
  custom: Record<string, string>;
  ags: AgsEndpointClaim | null;
  deepLinking: DeepLinkingSettings | null;
  returnUrl: string | null;
}
