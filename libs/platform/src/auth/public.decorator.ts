import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC = 'platform:is-public';

/**
 * Opens a route (or a whole controller) to callers without a token. Routes are
 * protected by default; in the OpenAPI document the empty requirement likewise
 * overrides the document-wide bearer requirement.
 */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
