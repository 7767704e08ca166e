import { Injectable, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidRequest } from '@bostadsko/errors';

// Types Nest passes as a parameter's metatype that are not DTO classes.
const NOT_DTOS = new Set<unknown>([String, Number, Boolean, Array, Object, Buffer]);

/**
 * class-validator on every DTO: unknown fields are rejected rather than silently
 * dropped, so a client's typo fails loudly. Failures become an `InvalidRequest`
 * listing each field, which the filter renders as problem details.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  /**
   * A body typed as a DTO is required and must be a JSON object: Nest would read
   * `null` or a missing body as `{}`, which passes a DTO whose fields are all
   * optional, so `null` would run the command with its defaults.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDtoBody = metadata.type === 'body' && typeof metadata.metatype === 'function' && !NOT_DTOS.has(metadata.metatype);
    if (isDtoBody && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new InvalidRequest([{ field: 'body', messages: ['body must be a JSON object'] }]);
    }
    return super.transform(value, metadata);
  }

  // Reuses Nest's own path grouping and response size limit, only changing what is thrown.
  override createExceptionFactory(): (errors?: ValidationError[]) => InvalidRequest {
    return (errors = []) => {
      const budget = { remaining: this.maxErrorMessagesLength, isExceeded: false };
      const byField = this.groupValidationErrors(this.limitValidationErrors(errors, budget));
      return new InvalidRequest(Object.entries(byField).map(([field, messages]) => ({ field, messages })));
    };
  }
}
