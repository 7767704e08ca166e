import { dayNumber } from './period.js';

/** One letting as the store holds it: the flat facts, the dates and the tenant's queue days (no person). */
export interface LettingRow {
  readonly rowId: number;
  /** False once the letting was cancelled: it then counts nowhere. */
  readonly counted: boolean;
  readonly contractDate: string;
  readonly publishedOn: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  readonly monthlyRent: number;
  readonly listingType: string;
  readonly landlordId: string;
  readonly tenantQueueDays: number | null;
  readonly applications: number;
}

/** Interns text values so the columns hold small integer codes. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

const NO_QUEUE_DAYS = -1;

/**
 * The lettings in columns, indexed by the store's row id, so a report scans typed
 * arrays instead of objects and a changed row is overwritten in place.
 */
export class LettingFacts {
  capacity = 0;
  counted = new Uint8Array(0);
  day = new Int32Array(0);
  daysToLet = new Int32Array(0);
  municipality = new Int32Array(0);
  district = new Int32Array(0);
  rooms = new Int32Array(0);
  listingType = new Int32Array(0);
  landlord = new Int32Array(0);
  queueDays = new Int32Array(0);
  applications = new Int32Array(0);
  rent = new Float64Array(0);
  area = new Float64Array(0);
  readonly dictionaries = {
    municipality: new Dictionary(),
    district: new Dictionary(),
    rooms: new Dictionary(),
    listingType: new Dictionary(),
    landlord: new Dictionary(),
  };

  static of(rows: Iterable<LettingRow>): LettingFacts {
    const facts = new LettingFacts();
    for (const row of rows) facts.put(row);
    return facts;
  }

  put(row: LettingRow): void {
    const i = row.rowId;
    if (i >= this.capacity) this.grow(Math.max(i + 1, this.capacity * 2, 1024));
    const d = this.dictionaries;
    this.counted[i] = row.counted ? 1 : 0;
    this.day[i] = dayNumber(row.contractDate);
    this.daysToLet[i] = this.day[i] - dayNumber(row.publishedOn);
    this.municipality[i] = d.municipality.code(row.municipality);
    this.district[i] = d.district.code(row.district);
    this.rooms[i] = d.rooms.code(String(row.rooms));
    this.listingType[i] = d.listingType.code(row.listingType);
    this.landlord[i] = d.landlord.code(row.landlordId);
    this.queueDays[i] = row.tenantQueueDays ?? NO_QUEUE_DAYS;
    this.applications[i] = row.applications;
    this.rent[i] = row.monthlyRent;
    this.area[i] = row.areaM2;
  }

  hasQueueDays(i: number): boolean {
    return this.queueDays[i] !== NO_QUEUE_DAYS;
  }

  private grow(capacity: number): void {
    const copy = <A extends Int32Array | Float64Array | Uint8Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.counted = copy(this.counted, (n) => new Uint8Array(n));
    this.day = copy(this.day, (n) => new Int32Array(n));
    this.daysToLet = copy(this.daysToLet, (n) => new Int32Array(n));
    this.municipality = copy(this.municipality, (n) => new Int32Array(n));
    this.district = copy(this.district, (n) => new Int32Array(n));
    this.rooms = copy(this.rooms, (n) => new Int32Array(n));
    this.listingType = copy(this.listingType, (n) => new Int32Array(n));
    this.landlord = copy(this.landlord, (n) => new Int32Array(n));
    this.queueDays = copy(this.queueDays, (n) => new Int32Array(n));
    this.applications = copy(this.applications, (n) => new Int32Array(n));
    this.rent = copy(this.rent, (n) => new Float64Array(n));
    this.area = copy(this.area, (n) => new Float64Array(n));
    this.capacity = capacity;
  }
}
