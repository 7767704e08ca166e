import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AccessLog, statedReason } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { IdentityService } from '../applicant/identity.service.js';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { FindSeekers, MAX_HITS, type SeekerHit } from './find-seekers.query.js';

class SeekerSearchDto {
  @ApiProperty({ description: 'A personnummer (exact), an e-mail address (exact, any case) or words of a name (each must occur)', example: 'Lindqvist' })
  @IsString()
  @Length(2, 200)
  query: string;
}

interface SeekerSearchAnswer {
  readonly matchedBy: 'personnummer' | 'email' | 'name';
  readonly seekers: readonly SeekerHit[];
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
  constructor(
    private readonly identities: IdentityService,
    private readonly queries: QueryBus,
    private readonly log: AccessLog,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'X-Access-Reason', required: true, description: 'Why staff look for this person (logged for every person found, shown to them). Percent-encode non-ASCII text.' })
  @ApiOkResponse({ description: `At most ${MAX_HITS} accounts, by name; how the query was read` })
  async search(@CurrentUser() user: AuthenticatedUser, @Body() body: SeekerSearchDto, @Headers('x-access-reason') reasonHeader: string | undefined): Promise<SeekerSearchAnswer> {
    const reason = statedReason(reasonHeader);
    const query = body.query.trim();
    const personnummer = parsePersonnummer(query, this.clock.now());
    const answer: SeekerSearchAnswer =
      typeof personnummer !== 'string'
        ? { matchedBy: 'personnummer', seekers: await this.find({ by: 'ids', ids: [(await this.identities.lookup(personnummer.value)) ?? []].flat() }) }
        : query.includes('@')
          ? { matchedBy: 'email', seekers: await this.find({ by: 'email', email: query }) }
          : { matchedBy: 'name', seekers: await this.find({ by: 'name', patterns: nameWords(query) }) };
    for (const seeker of answer.seekers) await this.log.record({ subject: seeker.applicantId, actor: user.id, roles: user.roles, action: 'POST /applicants/search', reason });
    return answer;
  }

  private find(match: FindSeekers['match']): Promise<SeekerHit[]> {
    return this.queries.execute(new FindSeekers(match));
  }
}

/** Each word of the query as a LIKE pattern, its wildcards taken literally. */
const nameWords = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
