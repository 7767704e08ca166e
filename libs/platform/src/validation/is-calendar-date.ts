import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@bostadsko/calendar';

/**
 * A real calendar date written YYYY-MM-DD: `2026-02-30` is refused, where a
 * pattern would let it through to answer nonsense or fail in SQL. Documented as
 * `format: date`, which the hostile-input tests look for to send impossible dates.
 */
export const IsCalendarDate = (options?: ValidationOptions) =>
  applyDecorators(
    ValidateBy({ name: 'isCalendarDate', validator: { validate: isIsoDate, defaultMessage: (a) => `${a?.property} must be a date, YYYY-MM-DD` } }, options),
    ApiProperty({ format: 'date' }),
  );
