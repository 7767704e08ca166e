import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebConfig } from '../web.config.js';

const SESSION_COOKIE = 'boko_session';
/** The applicants app takes a bank file of at most 2 MB (BANK-FILE.md). */
const BANK_FILE_BYTES = 2 * 1024 * 1024;

export const LANGUAGE_COOKIE = 'boko_lang';
const SESSION_HOURS = 8;

// From dist/apps/web/src/server (built) or apps/web/src/server (tests) to apps/web/assets.
const ASSETS = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../../../apps/web/assets' : '../../assets', import.meta.url));
const DESIGN_SYSTEM = dirname(fileURLToPath(import.meta.resolve('@digdir/designsystemet-css')));

/**
 * Everything a page request passes through before a controller: security headers
 * with a CSP that allows no inline script or style, the encrypted
 * session cookie, CSRF tokens bound to it, and the design system's files.
 */
export async function registerHttpPlugins(app: NestFastifyApplication, config: WebConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Development serves plain HTTP on localhost; production is behind TLS.
    strictTransportSecurity: config.NODE_ENV === 'production',
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(secureSession, {
    key: config.SESSION_KEY,
    cookieName: SESSION_COOKIE,
    expiry: SESSION_HOURS * 3600,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.NODE_ENV === 'production' },
  });
  // The bank payment file is uploaded from a form: its fields land in the body like a plain form's, so the CSRF check reads them alike.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { files: 1, fields: 10, fileSize: BANK_FILE_BYTES } });
  await app.register(csrf, {
    sessionPlugin: '@fastify/secure-session',
    // Only the form field: a token in a query string would leak through logs and Referer headers.
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  await app.register(fastifyStatic, {
    root: [ASSETS, DESIGN_SYSTEM],
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
}
