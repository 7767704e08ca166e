import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

/** Requests to an app in the test's process, through its HTTP server. */
export const http = (app: NestFastifyApplication) => request(app.getHttpServer());

/** The header a signed-in caller sends. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
