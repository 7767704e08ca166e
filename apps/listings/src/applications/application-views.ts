import { Inject, Injectable } from '@nestjs/common';
import { NotFound, type AuthenticatedUser } from '@bostadsko/platform';
import { seekerStream } from './seeker.events.js';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { seekerOf } from '../access/access.js';
import type { ListingType } from '@bostadsko/contracts';
import { methodFor } from '../ranking/rank.js';
import { provisionalPlace, rankedPlace, type Place } from './place.query.js';
import type { SeekerApplication } from './seeker.decider.js';
import { SeekerHandler } from './seeker.stream.js';

export interface ApplicationView {
  readonly applicationId: string;
  readonly listingId: string;
  readonly status: 'active' | 'withdrawn';
  readonly withdrawnReason?: string;
  readonly submittedAt: string;
  readonly listing?: { address: string; municipality: string; district: string; listingType: string; applicationDeadline: string; status: string };
  readonly place?: Place & { readonly text: string };
}

const placeText = (p: Place) => (p.place !== null ? `place ${p.place} of ${p.of}` : p.excludedFor ? `not placed: ${p.excludedFor.join(', ')}` : `${p.of} applicants`);

/** A seeker's applications as they see them: each with its listing and current place. */
@Injectable()
export class ApplicationViews {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly seekers: SeekerHandler,
  ) {}

  mine(user: AuthenticatedUser): Promise<ApplicationView[]> {
    return this.ofApplicant(seekerOf(user));
  }

  /** Newest first; also the register extract's list of applications and places. */
  async ofApplicant(applicantId: string): Promise<ApplicationView[]> {
    const { state } = await this.seekers.load(seekerStream(applicantId));
    const applications = Object.values(state.applications).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return Promise.all(applications.map((a) => this.view(a)));
  }

  async one(user: AuthenticatedUser, applicationId: string): Promise<ApplicationView> {
    return this.view(await this.own(seekerOf(user), applicationId));
  }

  async own(applicantId: string, applicationId: string): Promise<SeekerApplication> {
    const { state } = await this.seekers.load(seekerStream(applicantId));
    const application = state.applications[applicationId];
    // Another seeker's application is "not found" too: its existence is not disclosed.
    if (!application) throw new NotFound('No such application among yours');
    return application;
  }

  /** From the listings read model, not the stream: a ranked listing's stream holds thousands of places to parse. One query for a ranked listing. */
  async view(application: SeekerApplication): Promise<ApplicationView> {
    const base = {
      applicationId: application.applicationId,
      listingId: application.listingId,
      status: application.status,
      ...(application.withdrawnReason && { withdrawnReason: application.withdrawnReason }),
      submittedAt: application.submittedAt,
    };
    const { rows } = await this.infra.pool.query<ListingRow>({
      name: 'listings.application-view',
      text: `SELECT l.address, l.municipality, l.district, l.listing_type, to_char(l.deadline, 'YYYY-MM-DD') AS deadline, l.status,
          l.applications IS NOT NULL AS ranked, l.eligible, r.place, r.reasons, r.application_id IS NOT NULL AS "inRanking"
        FROM listings.listings l LEFT JOIN listings.ranking r ON r.listing_id = l.listing_id AND r.application_id = $2
        WHERE l.listing_id = $1`,
      values: [application.listingId, application.applicationId],
    });
    const row = rows[0];
    if (!row) return base;
    const summary = { address: row.address, municipality: row.municipality, district: row.district, listingType: row.listing_type, applicationDeadline: row.deadline, status: row.status };
    if (application.status !== 'active' && !row.ranked) return { ...base, listing: summary };
    const place = row.ranked ? rankedPlace(row) : await provisionalPlace(this.infra.pool, application.listingId, application.applicationId, methodFor(row.listing_type));
    return { ...base, listing: summary, place: { ...place, text: placeText(place) } };
  }
}

interface ListingRow {
  readonly address: string;
  readonly municipality: string;
  readonly district: string;
  readonly listing_type: ListingType;
  readonly deadline: string;
  readonly status: string;
  readonly ranked: boolean;
  readonly eligible: number | null;
  readonly place: number | null;
  readonly reasons: string[] | null;
  readonly inRanking: boolean;
}
