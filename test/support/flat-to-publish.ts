import { addDays, stockholmDate } from '@bostadsko/calendar';

/** The body of a publication: two rooms at Järntorget 4 in Majorna for 10 000 a month, applications for 10 days, moving in after 40; `over` changes any field. */
export function flatToPublish(over: Record<string, unknown> = {}): Record<string, unknown> {
  const today = stockholmDate(new Date());
  return {
    address: 'Järntorget 4',
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 10000,
    floor: 3,
    lift: true,
    moveInDate: addDays(today, 40),
    listingType: 'regular',
    applicationDeadline: addDays(today, 10),
    ...over,
  };
}
