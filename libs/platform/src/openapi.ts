import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentProblems } from './errors/problem.openapi.js';
import { FastRoutes } from './http/fast-routes.js';
import { documentReadAfter } from './read-after/read-after.openapi.js';
import { documentLimits } from './validation/limits.openapi.js';

export const DOCS_PATH = 'docs';

/** Swagger UI at /docs and the document at /docs-json, with FastRoutes; bearer auth applies unless a route is @Public(). */
export function setupOpenApi(app: INestApplication, title: string): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setVersion('1')
    // Relative: each app serves its API at the root of whatever host serves this document.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  // A factory, so the document is built on first request, once every route is registered.
  SwaggerModule.setup(DOCS_PATH, app, () => {
    const document = SwaggerModule.createDocument(app, config);
    // Routes served by Fastify directly are not Nest controllers; they describe themselves.
    for (const [path, operations] of Object.entries(app.get(FastRoutes).openApiPaths())) document.paths[path] = { ...document.paths[path], ...operations };
    return documentLimits(documentProblems(documentReadAfter(document)));
  });
}
