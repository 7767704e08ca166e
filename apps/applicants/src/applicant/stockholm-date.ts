const formatter = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Business dates are Stockholm calendar dates: 23:30 UTC on 31 Dec is already New Year in Sweden. */
export function stockholmDate(instant: Date): string {
  return formatter.format(instant);
}
