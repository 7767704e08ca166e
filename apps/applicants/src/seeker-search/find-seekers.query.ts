import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource, In, Raw, type FindOptionsWhere } from 'typeorm';
import { Clock } from '@bostadsko/clock';
import { IdentityService } from '../applicant/identity.service.js';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { SeekerDirectoryEntry } from './seeker-directory.entity.js';

export interface SeekerHit {
  readonly applicantId: string;
  readonly name: string;
  readonly email: string;
}

export interface FoundSeekers {
  readonly matchedBy: 'personnummer' | 'email' | 'name';
  readonly seekers: readonly SeekerHit[];
}

/** How staff asked: the accounts of a personnummer, an e-mail address (any case), or words that must all occur in the name (as LIKE patterns). */
type SeekerMatch = { readonly by: 'ids'; readonly ids: readonly string[] } | { readonly by: 'email'; readonly email: string } | { readonly by: 'name'; readonly patterns: readonly string[] };

export const MAX_HITS = 20;

/** Seekers in the directory by a personnummer (exact), an e-mail address (exact, any case) or words of a name, by name, at most MAX_HITS; and how the query was read. */
export class FindSeekers extends Query<FoundSeekers> {
  constructor(readonly query: string) {
    super();
  }
}

function where(match: SeekerMatch): FindOptionsWhere<SeekerDirectoryEntry> {
  if (match.by === 'ids') return { applicantId: In([...match.ids]) };
  // lower(email) is what the directory's index holds.
  if (match.by === 'email') return { email: Raw((column) => `lower(${column}) = lower(:email)`, { email: match.email }) };
  return { name: Raw((column) => `lower(${column}) LIKE ALL(CAST(:patterns AS text[]))`, { patterns: match.patterns }) };
}

/** Each word of the query as a LIKE pattern, its wildcards taken literally. */
const nameWords = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

@QueryHandler(FindSeekers)
export class FindSeekersHandler implements IQueryHandler<FindSeekers, FoundSeekers> {
  constructor(
    private readonly readModels: DataSource,
    private readonly identities: IdentityService,
    private readonly clock: Clock,
  ) {}

  async execute(request: FindSeekers): Promise<FoundSeekers> {
    const query = request.query.trim();
    const personnummer = parsePersonnummer(query, this.clock.now());
    if (typeof personnummer !== 'string') return { matchedBy: 'personnummer', seekers: await this.find({ by: 'ids', ids: [(await this.identities.lookup(personnummer.value)) ?? []].flat() }) };
    if (query.includes('@')) return { matchedBy: 'email', seekers: await this.find({ by: 'email', email: query }) };
    return { matchedBy: 'name', seekers: await this.find({ by: 'name', patterns: nameWords(query) }) };
  }

  private async find(match: SeekerMatch): Promise<SeekerHit[]> {
    if (match.by === 'ids' && match.ids.length === 0) return [];
    const rows = await this.readModels.getRepository(SeekerDirectoryEntry).find({
      select: { applicantId: true, name: true, email: true },
      where: where(match),
      order: { name: 'ASC', applicantId: 'ASC' },
      take: MAX_HITS,
    });
    return rows.map((row) => ({ applicantId: row.applicantId, name: row.name, email: row.email }));
  }
}
