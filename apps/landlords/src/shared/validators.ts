import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ORGANISATION_NUMBER_MESSAGES, parseOrganisationNumber } from '../organisation/organisation-number.js';

/** A Swedish organisation number with a valid check digit; the message says what is wrong. */
export const IsOrganisationNumber = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isOrganisationNumber',
      validator: {
        validate: (v) => typeof v === 'string' && 'value' in parseOrganisationNumber(v),
        defaultMessage: (a) => {
          const parsed = typeof a?.value === 'string' ? parseOrganisationNumber(a.value) : { problem: 'format' as const };
          return 'problem' in parsed ? ORGANISATION_NUMBER_MESSAGES[parsed.problem] : '';
        },
      },
    },
    options,
  );

/** Reports and lists as CSV when asked for by `?format=csv`. */
export const FORMATS = ['json', 'csv'] as const;
