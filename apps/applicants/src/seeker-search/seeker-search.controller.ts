import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { StaffSearch } from '@bostadsko/access-log';
import { Roles } from '@bostadsko/platform';
import { FindSeekers, MAX_HITS, type FoundSeekers } from './find-seekers.query.js';

class SeekerSearchDto {
  @ApiProperty({ description: 'A personnummer (exact), an e-mail address (exact, any case) or words of a name (each must occur)', example: 'Lindqvist' })
  @IsString()
  @Length(2, 200)
  query: string;
}

/**
 * Staff find a seeker. A search shows people's names, so it is a read of each person found:
 * a reason is required and every hit is logged under it, as the person's extract shows.
 * POST, so a personnummer never stands in an address or a server's access log.
 */
@ApiTags('staff decisions')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/search')
export class SeekerSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @StaffSearch((answer: FoundSeekers) => answer.seekers.map((seeker) => seeker.applicantId))
  @ApiHeader({ name: 'X-Access-Reason', required: true, description: 'Why staff look for this person (logged for every person found, shown to them). Percent-encode non-ASCII text.' })
  @ApiOkResponse({ description: `At most ${MAX_HITS} accounts, by name; how the query was read` })
  search(@Body() body: SeekerSearchDto): Promise<FoundSeekers> {
    return this.queries.execute(new FindSeekers(body.query));
  }
}
