import { Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidRequest } from '../../../errors/src/index.js';

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

  // Reuses Nest's own path grouping and response size limit, only changing what is thrown.
  override createExceptionFactory(): (errors?: ValidationError[]) => InvalidRequest {
    return (errors = []) => {
      const budget = { remaining: this.maxErrorMessagesLength, isExceeded: false };
      const byField = this.groupValidationErrors(this.limitValidationErrors(errors, budget));
      return new InvalidRequest(Object.entries(byField).map(([field, messages]) => ({ field, messages })));
    };
  }
}
