import { listingFormOf, publishBody, unreadableFields } from './listing-form.js';
import { stockholmInstant } from './showing-time.js';

describe("a landlord's forms as the APIs want them", () => {
  test('a showing time is Stockholm time, with the offset of its season', () => {
    expect(stockholmInstant('2026-01-15', '16:00')).toBe('2026-01-15T16:00:00+01:00');
    expect(stockholmInstant('2026-06-02', '9.30')).toBe('2026-06-02T09:30:00+02:00');
    expect(stockholmInstant('2026-06-02', 'late afternoon')).toBeUndefined();
    expect(stockholmInstant('2 June', '16:00')).toBeUndefined();
  });

  test('numbers are read as Swedes write them; an empty requirement is none; what is no number goes as typed, for the listings app to refuse', () => {
    const form = listingFormOf({
      listingType: 'youth',
      address: ' Järntorget 4 ',
      rooms: '1,5',
      monthlyRent: '8 500',
      areaM2: 'large',
      floor: '0',
      lift: 'yes',
      'requirements-incomeMultiple': '2,5',
      'requirements-minAge': '',
    });
    const body = publishBody(form);
    expect(body).toMatchObject({ address: 'Järntorget 4', listingType: 'youth', rooms: 1.5, monthlyRent: 8500, areaM2: 'large', floor: 0, lift: true });
    expect(body.requirements).toEqual({ incomeMultiple: 2.5, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: false });
    expect(unreadableFields(form)).toEqual(['municipality', 'district', 'moveInDate', 'applicationDeadline', 'areaM2']);
  });

  test('an unknown listing type is the regular one', () => {
    expect(listingFormOf({ listingType: 'palace' }).listingType).toBe('regular');
  });
});
