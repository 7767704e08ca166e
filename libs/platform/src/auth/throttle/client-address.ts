import type { IncomingHttpHeaders } from 'node:http';

/**
 * The address a sign-in comes from. X-Forwarded-For is believed only as far back as
 * the hops that added it are trusted proxies (the website, a load balancer), so a
 * caller reaching the app directly cannot pick an address to escape its count.
 */
export function clientAddress(request: { readonly ip: string; readonly headers: IncomingHttpHeaders }, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(plain));
  const forwarded = [request.headers['x-forwarded-for']]
    .flat()
    .flatMap((header) => (header ?? '').split(','))
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  let address = plain(request.ip);
  while (trusted.has(address) && forwarded.length > 0) address = plain(forwarded.pop()!);
  return address;
}

/** IPv4 as IPv4 even when a dual-stack socket reports it IPv4-mapped. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
