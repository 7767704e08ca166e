import { luhnCheckDigit, parseOrganisationNumber } from './organisation-number.js';

describe('organisation number', () => {
  test('accepts real ones, with or without the hyphen, in canonical form', () => {
    expect(parseOrganisationNumber('556036-0793')).toEqual({ value: '556036-0793' }); // Volvo Cars
    expect(parseOrganisationNumber('2120001355')).toEqual({ value: '212000-1355' }); // a municipality
  });

  test('refuses a wrong check digit, a personnummer-like third digit and other shapes', () => {
    expect(parseOrganisationNumber('556036-0794')).toEqual({ problem: 'check-digit' });
    expect(parseOrganisationNumber('811218-9876')).toEqual({ problem: 'third-digit' });
    expect(parseOrganisationNumber('55603-60793')).toEqual({ problem: 'format' });
    expect(parseOrganisationNumber('5560360793x')).toEqual({ problem: 'format' });
  });

  test('Luhn over nine digits', () => {
    expect(luhnCheckDigit('556036079')).toBe(3);
  });
});
