import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { seekerOf } from '../access/access.js';
import { QueryBus } from '@nestjs/cqrs';
import { CheckEligibility } from './eligibility-check.js';
import { declarationOf, EligibilityQuery } from './eligibility.dto.js';

/** "May I apply?": a seeker's own answer before applying, for the listing page and the apply form. */
@ApiTags('applications')
@ApiBearerAuth()
@Roles('applicant')
@Controller('listings')
export class EligibilityController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':listingId/eligibility')
  @ApiOperation({
    summary: 'May I apply? Every reason an apply would be refused now, without applying',
    description:
      'The same rules as POST /applications; nothing is written. Give all four declaration fields to check the requirements on income, household and payment remarks too; without them only the rest (age included) is checked.',
  })
  @ApiOkResponse({
    description:
      'eligible, checkedDeclaration, and refusals [{code, message}]: failed requirements with required and actual, too-many-applications with limit, blocked-after-avhopp with blockedUntil, listing-closed, not-in-queue, already-applied',
    example: {
      listingId: '7b0f5a52-3f4e-4d5b-9a41-2c3d8e9f0a1b',
      eligible: false,
      checkedDeclaration: true,
      refusals: [
        { code: 'income-below-multiple', message: 'Yearly income counted 10000 SEK (non-taxable income ×1.5) is below the required 403200 SEK (3 × the yearly rent)', required: 403200, actual: 10000 },
        { code: 'too-many-applications', message: 'You already have 5 active applications, the most allowed at once; withdraw one to apply', limit: 5 },
      ],
    },
  })
  @ApiBadRequestResponse({ description: 'A malformed listing id, or a declaration field missing or out of range: each field is named' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token' })
  @ApiForbiddenResponse({ description: 'Not a seeker' })
  @ApiNotFoundResponse({ description: 'No such listing' })
  check(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Query() query: EligibilityQuery) {
    return this.queries.execute(new CheckEligibility(seekerOf(user), listingId, declarationOf(query)));
  }
}
