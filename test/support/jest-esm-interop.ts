/**
 * Loaded before every test file (jest.config.js). The Swagger UI is served by
 * @fastify/static, a CommonJS package that require()s the ESM-only
 * content-disposition. Node >= 20.19 does that natively, but Jest's CommonJS
 * loader only can on Node >= 24.9; elsewhere NestJS would exit the process while
 * setting up /docs. This hands Jest's loader the ES module, loaded the ESM way.
 */
import { jest } from '@jest/globals';

const contentDisposition = await import('content-disposition');
jest.mock('content-disposition', () => contentDisposition);
