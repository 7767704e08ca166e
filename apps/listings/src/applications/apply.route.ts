import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FastRoutes, type BodySchema } from '@bostadsko/platform';
import { CommandBus } from '@nestjs/cqrs';
import { ApplyForListing } from './apply.command.js';

export interface ApplyBody {
  readonly listingId: string;
  /** Persons who will live in the flat, the seeker included. */
  readonly householdSize: number;
  /** Household taxable income, SEK per year. */
  readonly taxableIncome: number;
  /** Non-taxable income (e.g. housing allowance), SEK per year; counts ×1.5 against the income requirement. */
  readonly nonTaxableIncome: number;
  /** Declared now, verified before a contract is proposed. */
  readonly hasPaymentRemarks: boolean;
}

/** Shared with the eligibility query, which takes the same declaration. */
export const SEK_PER_YEAR = { type: 'integer', minimum: 0, maximum: 100_000_000 } as const;
export const HOUSEHOLD_SIZE = { type: 'integer', minimum: 1, maximum: 20 } as const;

const APPLY_BODY: BodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['listingId', 'householdSize', 'taxableIncome', 'nonTaxableIncome', 'hasPaymentRemarks'],
  properties: {
    listingId: { type: 'string', format: 'uuid' },
    householdSize: { ...HOUSEHOLD_SIZE, example: 2, description: 'Persons who will live in the flat, you included' },
    taxableIncome: { ...SEK_PER_YEAR, example: 360_000, description: 'Household taxable income, SEK per year' },
    nonTaxableIncome: { ...SEK_PER_YEAR, example: 0, description: 'Non-taxable income (e.g. housing allowance), SEK per year; counts ×1.5 against the income requirement' },
    hasPaymentRemarks: { type: 'boolean', example: false, description: 'Declared now, verified before a contract is proposed' },
  },
};

/**
 * POST /applications: the command that comes in bursts before popular deadlines,
 * so it is a FastRoute rather than a Nest controller method.
 */
@Injectable()
export class ApplyRoute implements OnModuleInit {
  constructor(
    private readonly routes: FastRoutes,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.routes.register<ApplyBody, object, object>({
      method: 'POST',
      url: '/applications',
      roles: ['applicant'],
      body: APPLY_BODY,
      status: 201,
      openApi: {
        operationId: 'ApplyRoute_apply',
        tags: ['applications'],
        summary: 'Apply for a listing',
        responses: {
          201: 'Applied',
          400: 'Invalid body: each offending field is named',
          404: 'No such listing',
          409: 'Already applied for this listing',
          422: 'Not eligible (failedRequirements names each), too many active applications, blocked after avhopp, deadline passed, not in the queue',
        },
      },
      handle: (user, { body }) => this.commands.execute(new ApplyForListing(user, body)),
    });
  }
}
