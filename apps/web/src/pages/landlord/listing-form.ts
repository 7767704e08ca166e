import { LISTING_TYPES, type Listing, type ListingType, type Requirements } from '../listings/listing.js';
import { formText } from './landlord-session.js';

/** The publish form as typed: kept as text, so a refused form shows exactly what the landlord wrote. */
export interface ListingForm {
  readonly listingType: ListingType;
  readonly address: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: string;
  readonly areaM2: string;
  readonly monthlyRent: string;
  readonly floor: string;
  readonly lift: boolean;
  readonly moveInDate: string;
  readonly applicationDeadline: string;
  readonly incomeMultiple: string;
  readonly maxHouseholdSize: string;
  readonly minAge: string;
  readonly maxAge: string;
  readonly noPaymentRemarks: boolean;
}

const FLAT_NUMBERS = ['rooms', 'areaM2', 'monthlyRent', 'floor'] as const;
const REQUIREMENT_NUMBERS = ['incomeMultiple', 'maxHouseholdSize', 'minAge', 'maxAge'] as const;
const TEXTS = ['address', 'municipality', 'district', 'moveInDate', 'applicationDeadline'] as const;

export const listingTypeOf = (value: unknown): ListingType => LISTING_TYPES.find((type) => type === value) ?? 'regular';

const show = (value: number | null): string => (value === null ? '' : String(value));

/** An empty form for the type, its requirements prefilled from the landlord's guideline (the listings app's template). */
export function prefilledForm(listingType: ListingType, template: Requirements): ListingForm {
  return {
    listingType,
    address: '',
    municipality: '',
    district: '',
    rooms: '',
    areaM2: '',
    monthlyRent: '',
    floor: '',
    lift: false,
    moveInDate: '',
    applicationDeadline: '',
    incomeMultiple: show(template.incomeMultiple),
    maxHouseholdSize: show(template.maxHouseholdSize),
    minAge: show(template.minAge),
    maxAge: show(template.maxAge),
    noPaymentRemarks: template.noPaymentRemarks,
  };
}

export function listingFormOf(body: Record<string, unknown>): ListingForm {
  const text = (name: string) => formText(body[name]);
  return {
    listingType: listingTypeOf(body.listingType),
    address: text('address'),
    municipality: text('municipality'),
    district: text('district'),
    rooms: text('rooms'),
    areaM2: text('areaM2'),
    monthlyRent: text('monthlyRent'),
    floor: text('floor'),
    lift: body.lift === 'yes',
    moveInDate: text('moveInDate'),
    applicationDeadline: text('applicationDeadline'),
    incomeMultiple: text('requirements-incomeMultiple'),
    maxHouseholdSize: text('requirements-maxHouseholdSize'),
    minAge: text('requirements-minAge'),
    maxAge: text('requirements-maxAge'),
    noPaymentRemarks: body['requirements-noPaymentRemarks'] === 'yes',
  };
}

/** Swedes write `1,5` and `8 500`: read as numbers; what is no number is sent as typed, for the listings app to refuse at its field. */
function numberOf(text: string): number | string {
  const value = Number(text.replace(',', '.').replace(/[\s\u00a0]/g, ''));
  return text !== '' && Number.isFinite(value) ? value : text;
}

export const requirementOf = (text: string): number | string | null => (text === '' ? null : numberOf(text));

/** The body of `POST /listings`: the listings app validates every field and names each one it refuses. */
export function publishBody(form: ListingForm): Record<string, unknown> {
  return {
    address: form.address,
    municipality: form.municipality,
    district: form.district,
    ...Object.fromEntries(FLAT_NUMBERS.map((name) => [name, form[name] === '' ? undefined : numberOf(form[name])])),
    lift: form.lift,
    moveInDate: form.moveInDate,
    listingType: form.listingType,
    applicationDeadline: form.applicationDeadline,
    requirements: { ...Object.fromEntries(REQUIREMENT_NUMBERS.map((name) => [name, requirementOf(form[name])])), noPaymentRemarks: form.noPaymentRemarks },
  };
}

/** The fields a preview cannot show yet: empty, or not a number where one is needed. Only their form is checked here, the rules are the listings app's. */
export function unreadableFields(form: ListingForm): string[] {
  const empty = [...TEXTS, ...FLAT_NUMBERS].filter((name) => form[name] === '');
  const notNumbers = FLAT_NUMBERS.filter((name) => form[name] !== '' && typeof numberOf(form[name]) !== 'number');
  const badRequirements = REQUIREMENT_NUMBERS.filter((name) => typeof requirementOf(form[name]) === 'string').map((name) => `requirements-${name}`);
  return [...empty, ...notNumbers, ...badRequirements];
}

// How the listings app allocates each type: first come and lottery by their own methods, every other type by queue days.
const allocationOf = (type: ListingType): Listing['allocationMethod'] => (type === 'first-come' || type === 'lottery' ? type : 'queue-days');

/** The listing as seekers will see it once published, from a form whose fields are all readable. */
export function previewOf(form: ListingForm): Listing {
  const body = publishBody(form);
  return {
    listingId: '',
    status: 'open',
    address: form.address,
    municipality: form.municipality,
    district: form.district,
    rooms: body.rooms as number,
    areaM2: body.areaM2 as number,
    monthlyRent: body.monthlyRent as number,
    floor: body.floor as number,
    lift: form.lift,
    moveInDate: form.moveInDate,
    listingType: form.listingType,
    applicationDeadline: form.applicationDeadline,
    // Not on a listing's page: set when the listings app publishes it.
    publishedOn: '',
    requirements: body.requirements as Requirements,
    allocationMethod: allocationOf(form.listingType),
  };
}
