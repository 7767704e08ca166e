import { luhnValid, parsePersonnummer } from './personnummer.js';

const today = new Date('2026-11-24T12:00:00Z');

describe('personnummer', () => {
  test('accepts the long and short forms and canonicalises to twelve digits', () => {
    expect(parsePersonnummer('19811218-9876', today)).toEqual({ value: '198112189876', birthDate: '1981-12-18', coordinationNumber: false });
    expect(parsePersonnummer('811218-9876', today)).toMatchObject({ value: '198112189876' });
    expect(parsePersonnummer('198112189876', today)).toMatchObject({ value: '198112189876' });
  });

  test('the + separator in the short form means a century earlier', () => {
    expect(parsePersonnummer('121212+1212', today)).toMatchObject({ birthDate: '1912-12-12' });
  });

  test('samordningsnummer: day plus 60', () => {
    expect(parsePersonnummer('19701063-2391', today)).toMatchObject({ birthDate: '1970-10-03', coordinationNumber: true });
  });

  test('rejects a wrong check digit, an impossible date, a future date and junk', () => {
    expect(parsePersonnummer('19811218-9875', today)).toBe('checksum');
    expect(parsePersonnummer('19810230-1234', today)).toBe('date');
    expect(parsePersonnummer('20300101-1234', today)).toBe('date');
    expect(parsePersonnummer('abc', today)).toBe('format');
  });

  test('leap day exists only in leap years', () => {
    expect(parsePersonnummer('20000229-0005', today)).not.toBe('date');
    expect(parsePersonnummer('20010229-0004', today)).toBe('date');
  });

  test('Luhn', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
  });
});
