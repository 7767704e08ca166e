import type { FastifyReply } from 'fastify';

export function sendPage(reply: FastifyReply, html: JSX.Element, status = 200): FastifyReply {
  // Pages carry a person's data and a CSRF token: never stored by a shared cache.
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/** Post/redirect/get: after a form, the browser asks for the next page with GET. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}

/** A path on this site only: `next=//evil.example` or an absolute URL would make sign-in an open redirect. */
export function localPath(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?![/\\])/.test(candidate) ? candidate : fallback;
}
