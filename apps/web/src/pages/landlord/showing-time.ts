const TIME_ZONE = 'Europe/Stockholm';
const offsets = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * A date and a time of day as a landlord means them, in Stockholm, as an ISO instant with its offset
 * (`2026-06-02`, `16:00` → `2026-06-02T16:00:00+02:00`); undefined when either is not in that form,
 * so the listings app refuses the slot at its field.
 */
export function stockholmInstant(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{1,2}[:.]\d{2}$/.test(time)) return undefined;
  const [hours, minutes] = time.split(/[:.]/);
  const local = `${date}T${hours.padStart(2, '0')}:${minutes}:00`;
  // The day's offset, read at noon: showings are held in the daytime, after the night's clock change (at 02:00–03:00).
  const noon = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(noon.getTime())) return undefined;
  const name = offsets.formatToParts(noon).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return `${local}${name === 'GMT' ? 'Z' : name.slice(3)}`;
}
