import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryNumber } from '@bostadsko/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, ValidateIf } from 'class-validator';
import type { Declaration } from './seeker.events.js';
import { HOUSEHOLD_SIZE, SEK_PER_YEAR } from './apply.route.js';

const DECLARATION_FIELDS = ['householdSize', 'taxableIncome', 'nonTaxableIncome', 'hasPaymentRemarks'] as const;

/** A declaration is checked whole, as an apply takes it: giving one field asks for all four. */
const declaring = (query: EligibilityQuery) => DECLARATION_FIELDS.some((field) => query[field] !== undefined);
const required = { message: '$property is required with the rest of the declaration' };
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The apply body's declaration as query parameters, with the same meaning and limits; all four or none. */
export class EligibilityQuery {
  @ValidateIf(declaring)
  @IsDefined(required)
  @QueryNumber({ min: HOUSEHOLD_SIZE.minimum, max: HOUSEHOLD_SIZE.maximum, integer: true, optional: false, example: 2, description: 'Persons who will live in the flat, you included' })
  householdSize?: number;

  @ValidateIf(declaring)
  @IsDefined(required)
  @QueryNumber({ min: SEK_PER_YEAR.minimum, max: SEK_PER_YEAR.maximum, integer: true, optional: false, example: 360_000, description: 'Household taxable income, SEK per year' })
  taxableIncome?: number;

  @ValidateIf(declaring)
  @IsDefined(required)
  @QueryNumber({
    min: SEK_PER_YEAR.minimum,
    max: SEK_PER_YEAR.maximum,
    integer: true,
    optional: false,
    example: 0,
    description: 'Non-taxable income (e.g. housing allowance), SEK per year; counts ×1.5 against the income requirement',
  })
  nonTaxableIncome?: number;

  @ApiPropertyOptional({ type: Boolean, example: false, description: 'Whether you have payment remarks (true or false)' })
  @ValidateIf(declaring)
  @IsDefined(required)
  @Transform(booleanText)
  @IsBoolean()
  hasPaymentRemarks?: boolean;
}

/** The declaration to check, or null when none was given. */
export function declarationOf(query: EligibilityQuery): Declaration | null {
  if (!declaring(query)) return null;
  const { householdSize, taxableIncome, nonTaxableIncome, hasPaymentRemarks } = query as Required<EligibilityQuery>;
  return { householdSize, taxableIncome, nonTaxableIncome, hasPaymentRemarks };
}
