import { clientAddress } from './client-address.js';

const trusted = ['127.0.0.1', '::1'];

describe('clientAddress', () => {
  it('believes X-Forwarded-For from a trusted proxy, back to the first hop it does not trust', () => {
    expect(clientAddress({ ip: '::ffff:127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } }, trusted)).toBe('203.0.113.9');
    expect(clientAddress({ ip: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9, 127.0.0.1' } }, trusted)).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For from a caller that is not a trusted proxy', () => {
    expect(clientAddress({ ip: '203.0.113.9', headers: { 'x-forwarded-for': '10.0.0.1' } }, trusted)).toBe('203.0.113.9');
  });

  it('is the socket address when nothing was forwarded', () => {
    expect(clientAddress({ ip: '::1', headers: {} }, trusted)).toBe('::1');
  });
});
