/** A number as staff type it, `1 200,50` or `200`: the app's own rules judge the number that comes out, or the text when none does. */
export function typedNumber(text: string): number | string {
  const number = Number(text.replace(/\s/g, '').replace(',', '.'));
  return text !== '' && Number.isFinite(number) ? number : text;
}
