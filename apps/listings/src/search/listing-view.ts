/** A listing row as the API shows it: the flat, its requirements (visible to all, as the law expects), dates and status. */
export interface ListingRow {
  listing_id: string;
  landlord_id: string;
  status: string;
  address: string;
  municipality: string;
  district: string;
  rooms: string;
  area_m2: string;
  monthly_rent: string;
  floor: number;
  lift: boolean;
  move_in: string;
  listing_type: string;
  deadline: string;
  published_on: string;
  requirements: unknown;
  lottery_seed_hash: string | null;
  applications: number | null;
  eligible: number | null;
  ended_on: string | null;
  ended_reason: string | null;
}

export const LISTING_COLUMNS = `listing_id, landlord_id, status, address, municipality, district, rooms::text, area_m2::text, monthly_rent::text, floor, lift,
  to_char(move_in, 'YYYY-MM-DD') AS move_in, listing_type, to_char(deadline, 'YYYY-MM-DD') AS deadline, to_char(published_on, 'YYYY-MM-DD') AS published_on,
  requirements, lottery_seed_hash, applications, eligible, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, ended_reason`;

export function listingView(row: ListingRow) {
  return {
    listingId: row.listing_id,
    landlordId: row.landlord_id,
    status: row.status,
    address: row.address,
    municipality: row.municipality,
    district: row.district,
    rooms: Number(row.rooms),
    areaM2: Number(row.area_m2),
    monthlyRent: Number(row.monthly_rent),
    floor: row.floor,
    lift: row.lift,
    moveInDate: row.move_in,
    listingType: row.listing_type,
    applicationDeadline: row.deadline,
    publishedOn: row.published_on,
    requirements: row.requirements,
    ...(row.lottery_seed_hash && { lotterySeedHash: row.lottery_seed_hash }),
    ...(row.applications !== null && { applications: row.applications, eligible: row.eligible }),
    ...(row.ended_on && { endedOn: row.ended_on, endedReason: row.ended_reason }),
  };
}
