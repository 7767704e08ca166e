import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export interface QueryNumberOptions {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only: pages, counts, sizes. */
  readonly integer?: boolean;
  readonly default?: number;
  readonly example?: number;
  readonly description?: string;
  /** What a value that is not a number is told; class-validator's wording by default. */
  readonly message?: string;
  /** False where the DTO decides presence itself (ValidateIf with IsDefined). */
  readonly optional?: boolean;
}

/**
 * A bounded number in a query string, its limits written once: converted from
 * text, checked (IsInt or IsNumber, Min, Max) and documented with the same
 * minimum and maximum. Swagger expands a query DTO into parameters, which the
 * platform's documentLimits (for body schemas) never sees, so the document takes
 * its bounds from here.
 */
export const QueryNumber = (options: QueryNumberOptions) =>
  applyDecorators(
    ApiPropertyOptional({
      type: options.integer ? 'integer' : 'number',
      minimum: options.min,
      maximum: options.max,
      ...(options.default !== undefined && { default: options.default }),
      ...(options.example !== undefined && { example: options.example }),
      ...(options.description && { description: options.description }),
    }),
    ...(options.optional === false ? [] : [IsOptional()]),
    Type(() => Number),
    options.integer ? IsInt(options.message ? { message: options.message } : undefined) : IsNumber({}, options.message ? { message: options.message } : undefined),
    Min(options.min),
    Max(options.max),
  );
