import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { clientAddress, parseRange } from './client-ip.js';

describe('client address behind proxies', () => {
  const none = { ranges: [] };
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '1.2.3.4', none)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
  });
  it('is the right-most address that is not a trusted proxy', () => {
    const proxies = { ranges: ['10.0.0.0/8', '2001:db8::/32'] };
    expect(clientAddress('10.0.0.5', '203.0.113.9', proxies)).toBe('203.0.113.9');
    // a client that writes its own header: its entries sit left of what the proxy appended
    expect(clientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '203.0.113.9, 10.1.2.3', proxies)).toBe('203.0.113.9');
    expect(
      clientAddress('10.0.0.5', '[2001:db8::1]:443, 203.0.113.9:5555, 10.9.9.9', proxies),
    ).toBe('203.0.113.9');
    // an untrusted peer's header is not read at all
    expect(clientAddress('198.51.100.7', '203.0.113.9', proxies)).toBe('198.51.100.7');
    // IPv6 ranges and IPv4-mapped peers
    expect(clientAddress('2001:db8::7', '203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:10.0.0.5', '203.0.113.9', proxies)).toBe('203.0.113.9');
  });
  it('counts hops from the socket when given a number', () => {
    expect(clientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9', { hops: 1 })).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9, 10.0.0.6', { hops: 2 })).toBe(
      '203.0.113.9',
    );
    expect(clientAddress('10.0.0.5', undefined, { hops: 2 })).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '1.1.1.1', { hops: 0 })).toBe('10.0.0.5');
  });
  it('parses ranges and refuses nonsense in the configuration', () => {
    expect(parseRange('10.0.0.0/8')).not.toBeNull();
    expect(parseRange('::1')).not.toBeNull();
    expect(parseRange('10.0.0.0/33')).toBeNull();
    expect(parseRange('proxy.example')).toBeNull();
    expect(loadConfig({ SB_TRUSTED_PROXIES: '2' }).trustedProxies).toEqual({ hops: 2 });
    expect(loadConfig({ SB_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual({
      ranges: ['10.0.0.0/8', '::1'],
    });
    expect(loadConfig({}).trustedProxies).toEqual({ ranges: [] });
    expect(() => loadConfig({ SB_TRUSTED_PROXIES: 'proxy.example' })).toThrow(/SB_TRUSTED_PROXIES/);
  });
});
