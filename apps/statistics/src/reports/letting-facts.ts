import { dayNumber, monthNumber } from './period.js';

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

/** The figures a report takes quantiles of. */
export const METRICS = ['queueDays', 'applications', 'rent', 'rentPerM2', 'daysToLet'] as const;
export type Metric = (typeof METRICS)[number];

export type OrderKind = 'value' | 'month';

export interface SortedOrder {
  readonly metric: Metric;
  readonly kind: OrderKind;
  readonly rows: Int32Array;
  readonly values: Float64Array;
}

/**
 * The lettings in columns, indexed by the store's row id, so a report scans typed
 * arrays instead of objects and a changed row is overwritten in place.
 */
export class LettingFacts {
  capacity = 0;
  counted = new Uint8Array(0);
  day = new Int32Array(0);
  /** Contract month as year × 12 + month − 1. */
  month = new Int32Array(0);
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
  rentPerM2 = new Float64Array(0);
  private present = new Uint8Array(0);
  /** Per metric, the present rows ordered by value: a report walks it and gets each group's values already sorted. */
  private readonly orders = new Map<string, SortedOrder>();
  /** Rows added since the orders were last brought up to date. */
  private pending: number[] = [];
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
    const existed = this.present[i] === 1;
    const before = existed ? METRICS.map((m) => this.column(m)[i]) : [];
    this.present[i] = 1;
    this.counted[i] = row.counted ? 1 : 0;
    this.day[i] = dayNumber(row.contractDate);
    this.month[i] = monthNumber(row.contractDate);
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
    this.rentPerM2[i] = row.monthlyRent / row.areaM2;
    if (!existed) this.pending.push(i);
    else if (METRICS.some((m, k) => this.column(m)[i] !== before[k])) this.orders.clear();
  }

  column(metric: Metric): Int32Array | Float64Array {
    return this[metric];
  }

  /**
   * The present rows sorted by the metric's value (rows without queue days left
   * out of that order), with the values beside them so a walk reads both in
   * sequence; `month` sorts by contract month first, so one month's rows are a
   * run of the order. New rows are merged in; the whole order is sorted only once.
   */
  order(metric: Metric, kind: OrderKind = 'value'): SortedOrder {
    if (this.pending.length > 0) this.mergePending();
    const name = `${metric}:${kind}`;
    let order = this.orders.get(name);
    if (!order) {
      const values = this.column(metric);
      const rows: number[] = [];
      for (let i = 0; i < this.capacity; i++) if (this.present[i] && this.inOrder(metric, i)) rows.push(i);
      const sorted = Int32Array.from(rows).sort(this.comparator(metric, kind));
      order = { metric, kind, rows: sorted, values: Float64Array.from(sorted, (i) => values[i]) };
      this.orders.set(name, order);
    }
    return order;
  }

  /** The part of a month-major order whose contract month lies in [fromMonth, toMonth]. */
  monthRun(order: SortedOrder, fromMonth: number, toMonth: number): { start: number; end: number } {
    const firstAtLeast = (month: number) => {
      let lo = 0;
      let hi = order.rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.month[order.rows[mid]] < month) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return { start: firstAtLeast(fromMonth), end: firstAtLeast(toMonth + 1) };
  }

  private comparator(metric: Metric, kind: OrderKind): (a: number, b: number) => number {
    const values = this.column(metric);
    const month = this.month;
    return kind === 'value' ? (a, b) => values[a] - values[b] : (a, b) => month[a] - month[b] || values[a] - values[b];
  }

  private inOrder(metric: Metric, i: number): boolean {
    return metric !== 'queueDays' || this.queueDays[i] !== NO_QUEUE_DAYS;
  }

  private mergePending(): void {
    const added = this.pending;
    this.pending = [];
    for (const [name, order] of this.orders) {
      const values = this.column(order.metric);
      const compare = this.comparator(order.metric, order.kind);
      const fresh = Int32Array.from(added.filter((i) => this.inOrder(order.metric, i))).sort(compare);
      const rows = new Int32Array(order.rows.length + fresh.length);
      let a = 0;
      let b = 0;
      for (let k = 0; k < rows.length; k++) {
        rows[k] = b >= fresh.length || (a < order.rows.length && compare(order.rows[a], fresh[b]) <= 0) ? order.rows[a++] : fresh[b++];
      }
      this.orders.set(name, { ...order, rows, values: Float64Array.from(rows, (i) => values[i]) });
    }
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
    this.month = copy(this.month, (n) => new Int32Array(n));
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
    this.rentPerM2 = copy(this.rentPerM2, (n) => new Float64Array(n));
    this.present = copy(this.present, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}
