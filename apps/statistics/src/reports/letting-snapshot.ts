import type pg from 'pg';
import { LettingFacts, type LettingRow } from './letting-facts.js';

const PAGE = 50_000;

interface StoredLetting {
  oid: number;
  row_id: string;
  seq: string;
  cancelled: boolean;
  contract_date: string;
  published_on: string;
  municipality: string;
  district: string;
  rooms: string;
  area_m2: string;
  monthly_rent: string;
  listing_type: string;
  landlord_id: string;
  tenant_queue_days: number | null;
  applications: number;
}

const COLUMNS = `tableoid::int AS oid, row_id, seq, cancelled_on IS NOT NULL AS cancelled, to_char(contract_date, 'YYYY-MM-DD') AS contract_date,
  to_char(published_on, 'YYYY-MM-DD') AS published_on, municipality, district, rooms, area_m2, monthly_rent, listing_type, landlord_id,
  tenant_queue_days, applications`;

function toRow(stored: StoredLetting): LettingRow {
  return {
    rowId: Number(stored.row_id),
    counted: !stored.cancelled,
    contractDate: stored.contract_date,
    publishedOn: stored.published_on,
    municipality: stored.municipality,
    district: stored.district,
    rooms: Number(stored.rooms),
    areaM2: Number(stored.area_m2),
    monthlyRent: Number(stored.monthly_rent),
    listingType: stored.listing_type,
    landlordId: stored.landlord_id,
    tenantQueueDays: stored.tenant_queue_days,
    applications: stored.applications,
  };
}

/**
 * The lettings table held in memory as columns, brought up to date before each
 * report by fetching only the rows whose `seq` is past the last one seen. A
 * rebuild swaps in a new table (a new oid, seq from 1): then it loads afresh.
 */
export class LettingSnapshot {
  private facts = new LettingFacts();
  private oid: number | undefined;
  private lastSeq = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table = 'statistics.lettings',
  ) {}

  /** The facts as of now; concurrent callers share one refresh. */
  async current(): Promise<LettingFacts> {
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    await this.refreshing;
    return this.facts;
  }

  private reset(oid: number | undefined): void {
    this.facts = new LettingFacts();
    this.oid = oid;
    this.lastSeq = 0;
  }

  private async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ oid: number | null }>('SELECT to_regclass($1)::oid::int AS oid', [this.table]);
    const oid = rows[0].oid ?? undefined;
    if (oid !== this.oid) this.reset(oid);
    if (oid === undefined) return;
    for (;;) {
      const page = await this.pool.query<StoredLetting>(`SELECT ${COLUMNS} FROM ${this.table} WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [this.lastSeq]);
      if (page.rows.length === 0) return;
      // Swapped by a rebuild between two pages: start again on the new table.
      if (page.rows[0].oid !== this.oid) {
        this.reset(page.rows[0].oid);
        continue;
      }
      for (const stored of page.rows) this.facts.put(toRow(stored));
      this.lastSeq = Number(page.rows[page.rows.length - 1].seq);
    }
  }
}
