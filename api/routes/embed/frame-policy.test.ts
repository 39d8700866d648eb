/**
 * @module routes/embed/frame-policy.test
 */
import { describe, expect, it } from 'vitest';
import { demoPagePolicy, frameAncestors, normaliseOrigins } from './frame-policy.js';

describe('frame policy', () => {
  it('keeps well-formed origins only, without paths or duplicates', () => {
    expect(
      normaliseOrigins([
        'https://lms.example.edu/course/1',
        ' https://moodle.example.org:8443 ',
        'https://lms.example.edu',
        '*',
        "https://x.org 'unsafe-inline'",
        'javascript:alert(1)',
        'ftp://files.example.org',
      ]),
    ).toEqual(['https://lms.example.edu', 'https://moodle.example.org:8443']);
  });

  it('always allows self and nothing more when unconfigured', () => {
    expect(frameAncestors([])).toBe("frame-ancestors 'self'");
    expect(frameAncestors(['https://canvas.example.com'])).toBe(
      "frame-ancestors 'self' https://canvas.example.com",
    );
  });

  it('puts the nonce on scripts and styles of the demo page', () => {
    const csp = demoPagePolicy('abc123', []);
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
