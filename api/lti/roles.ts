/**
 * @module lti/roles
 * Which Sounding Board role a platform user acts in: Instructors and Administrators (of the
 * course, the institution or the system) facilitate; everyone else practises as a learner.
 * Role URIs come in full (`...membership#Instructor`), sub-role (`...membership/Instructor#TeachingAssistant`)
 * and, from older platforms, short (`Instructor`) forms.
 */

export type LaunchRole = 'learner' | 'facilitator';

const FACILITATING = /(^|[#/])(Instructor|Administrator)(#|$)/;

/**
 * The role a launch acts in.
 * @example launchRoleOf(['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor']) // 'facilitator'
 */
export function launchRoleOf(roles: readonly string[]): LaunchRole {
  return roles.some((r) => FACILITATING.test(r)) ? 'facilitator' : 'learner';
}
