/**
 * @module practice/coder/permission-request.test
 * Asking before sharing, in the many ways coaches phrase it (MITI: asking permission before
 * giving information or advice), and the look-alikes that invite the partner to talk instead.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';

const PREV = "I've tried two rotas already and neither stuck. I'm running out of ideas.";
const code = (text: string) => codeUtterance(text, { prevPartner: PREV });

describe('permission requests', () => {
  it.each([
    'Would you like to hear what worked for me?',
    'Do you fancy hearing how another ward handled rotas?',
    'Would you like me to tell you what I noticed when you described it?',
    'Would a thought or two from me help at this point?',
    "I'm happy to pass on what helped in my old team. Is that OK?",
    'I could describe how one manager I know did it, if it would help?',
    'Are you open to hearing an idea?',
  ])('%j asks permission', (text) => {
    const c = code(text);
    expect(c.codes).toContain('permission_request');
    expect(c.codes).not.toContain('advice');
    // the offer to share is the coach's, never a reflection of the partner
    expect(c.codes).not.toContain('simple_reflection');
  });

  it.each([
    'Would you like to say something to her about it?',
    'Would you like to share a bit more about the second rota?',
    'Do you want to hear what the team says first?',
  ])('%j invites the partner and is not a permission request', (text) => {
    expect(code(text).codes).not.toContain('permission_request');
  });
});
