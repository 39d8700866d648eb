/**
 * @module lti/roles.test
 */
import { describe, expect, it } from 'vitest';
import { launchRoleOf } from './roles.js';

const V = 'http://purl.imsglobal.org/vocab/lis/v2/';

describe('launchRoleOf', () => {
  it('makes instructors and administrators facilitators', () => {
    expect(launchRoleOf([`${V}membership#Instructor`])).toBe('facilitator');
    expect(launchRoleOf([`${V}membership/Instructor#TeachingAssistant`])).toBe('facilitator');
    expect(launchRoleOf([`${V}institution/person#Administrator`])).toBe('facilitator');
    expect(launchRoleOf([`${V}system/person#Administrator`])).toBe('facilitator');
    expect(launchRoleOf(['Instructor'])).toBe('facilitator');
  });
  it('makes learners and unknown roles learners', () => {
    expect(launchRoleOf([`${V}membership#Learner`])).toBe('learner');
    expect(launchRoleOf([`${V}membership#Mentor`])).toBe('learner');
    expect(launchRoleOf([])).toBe('learner');
    expect(launchRoleOf([`${V}institution/person#Student`, `${V}membership#Learner`])).toBe(
      'learner',
    );
  });
  it('does not read a role out of an unrelated word', () => {
    expect(launchRoleOf(['http://example.com/roles#NotAnInstructorReally'])).toBe('learner');
  });
});
