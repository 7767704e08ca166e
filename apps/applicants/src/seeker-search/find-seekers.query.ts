import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource, In, Raw, type FindOptionsWhere } from 'typeorm';
import { SeekerDirectoryEntry } from './seeker-directory.entity.js';

export interface SeekerHit {
  readonly applicantId: string;
  readonly name: string;
  readonly email: string;
}

/** How staff asked: the accounts of a personnummer, an e-mail address (any case), or words that must all occur in the name (as LIKE patterns). */
type SeekerMatch = { readonly by: 'ids'; readonly ids: readonly string[] } | { readonly by: 'email'; readonly email: string } | { readonly by: 'name'; readonly patterns: readonly string[] };

export const MAX_HITS = 20;

/** Seekers in the directory, by name, at most MAX_HITS. */
export class FindSeekers extends Query<SeekerHit[]> {
  constructor(readonly match: SeekerMatch) {
    super();
  }
}

function where(match: SeekerMatch): FindOptionsWhere<SeekerDirectoryEntry> {
  if (match.by === 'ids') return { applicantId: In([...match.ids]) };
  // lower(email) is what the directory's index holds.
  if (match.by === 'email') return { email: Raw((column) => `lower(${column}) = lower(:email)`, { email: match.email }) };
  return { name: Raw((column) => `lower(${column}) LIKE ALL(CAST(:patterns AS text[]))`, { patterns: match.patterns }) };
}

@QueryHandler(FindSeekers)
export class FindSeekersHandler implements IQueryHandler<FindSeekers, SeekerHit[]> {
  constructor(private readonly readModels: DataSource) {}

  async execute({ match }: FindSeekers): Promise<SeekerHit[]> {
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
