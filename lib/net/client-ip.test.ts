import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './client-ip';

describe('the client IP comes only from proxies we trust', () => {
  it('with no trusted hop, a forwarded header is ignored whatever it says', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '198.51.100.7' }, 0)).toBeNull();
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '198.51.100.7' }), 0)).toBeNull();
  });

  it('with N trusted hops, the client is the Nth entry from the right', () => {
    const spoofed = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' };
    expect(clientIpFrom(spoofed, 1)).toBe('10.0.0.2');
    expect(clientIpFrom(spoofed, 2)).toBe('198.51.100.7');
    expect(clientIpFrom(new Headers(spoofed), 2)).toBe('198.51.100.7');
  });

  it('reads every X-Forwarded-For header line, in order', () => {
    expect(clientIpFrom({ 'x-forwarded-for': ['6.6.6.6', '198.51.100.7'] }, 1)).toBe(
      '198.51.100.7',
    );
  });

  it('is unknown when the header has fewer entries than hops, or the entry is not an IP', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '198.51.100.7' }, 2)).toBeNull();
    expect(clientIpFrom({}, 1)).toBeNull();
    expect(clientIpFrom({ 'x-forwarded-for': '6.6.6.6, <script>' }, 1)).toBeNull();
    expect(clientIpFrom({ 'x-forwarded-for': '6.6.6.6,' }, 1)).toBeNull();
  });

  it('accepts IPv6 and drops a port some proxies append', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '2001:db8::1' }, 1)).toBe('2001:db8::1');
    expect(clientIpFrom({ 'x-forwarded-for': '198.51.100.7:51234' }, 1)).toBe('198.51.100.7');
    expect(clientIpFrom({ 'x-forwarded-for': '[2001:db8::1]:443' }, 1)).toBe('2001:db8::1');
  });
});
