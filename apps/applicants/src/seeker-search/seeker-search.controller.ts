import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type pg from 'pg';
import { AccessLog, statedReason } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { CurrentUser, PG_POOL, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { IdentityService } from '../applicant/identity.service.js';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { seekerDirectoryProjection } from './seeker-directory.projection.js';

class SeekerSearchDto {
  @ApiProperty({ description: 'A personnummer (exact), an e-mail address (exact, any case) or words of a name (each must occur)', example: 'Lindqvist' })
  @IsString()
  @Length(2, 200)
  query: string;
}

interface SeekerHit {
  readonly applicantId: string;
  readonly name: string;
  readonly email: string;
}

interface SeekerSearchAnswer {
  readonly matchedBy: 'personnummer' | 'email' | 'name';
  readonly seekers: readonly SeekerHit[];
}

const MAX_HITS = 20;
const TABLE = seekerDirectoryProjection.table;

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
    @Inject(PG_POOL) private readonly pool: pg.Pool,
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
        ? { matchedBy: 'personnummer', seekers: await this.byIds([(await this.identities.lookup(personnummer.value)) ?? []].flat()) }
        : query.includes('@')
          ? { matchedBy: 'email', seekers: await this.hits(`lower(email) = lower($1)`, [query]) }
          : { matchedBy: 'name', seekers: await this.hits(`lower(name) LIKE ALL($1::text[])`, [nameWords(query)]) };
    for (const seeker of answer.seekers) await this.log.record({ subject: seeker.applicantId, actor: user.id, roles: user.roles, action: 'POST /applicants/search', reason });
    return answer;
  }

  private byIds(ids: readonly string[]): Promise<SeekerHit[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.hits('applicant_id = ANY($1::uuid[])', [ids]);
  }

  private async hits(where: string, params: unknown[]): Promise<SeekerHit[]> {
    const { rows } = await this.pool.query<{ applicant_id: string; name: string; email: string }>(
      `SELECT applicant_id, name, email FROM ${TABLE} WHERE ${where} ORDER BY name, applicant_id LIMIT ${MAX_HITS}`,
      params,
    );
    return rows.map((row) => ({ applicantId: row.applicant_id, name: row.name, email: row.email }));
  }
}

/** Each word of the query as a LIKE pattern, its wildcards taken literally. */
const nameWords = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
