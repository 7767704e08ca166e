import { NotFoundException } from '@nestjs/common';
import type { ApiClient, Call } from '../../api/api-client.js';
import type { Letting, OwnListing } from './landlord.types.js';

export interface OwnListingData {
  readonly listing: OwnListing;
  readonly letting: Letting;
}

/**
 * One of the landlord's own listings with its letting. The listing itself is public, so the web checks
 * it is this landlord's before showing anything; the letting is read with the landlord's token, and the
 * listings app refuses another landlord's (403), which the error page shows, with nothing of the listing.
 */
export async function ownListingData(api: ApiClient, call: Call, landlordId: string, listingId: string): Promise<OwnListingData> {
  const [listing, letting] = await Promise.all([api.get<OwnListing>('listings', `/listings/${listingId}`, call), api.get<Letting>('listings', `/listings/${listingId}/letting`, call)]);
  if (listing.body.landlordId !== landlordId) throw new NotFoundException();
  return { listing: listing.body, letting: letting.body };
}
