import { isValidOcr, luhnCheckDigit, ocrFromNumber, ocrProblem } from './ocr.js';

describe('OCR references', () => {
  test('a number gets its length digit and Luhn check digit', () => {
    expect(ocrFromNumber(12345)).toBe('1234574');
    expect(ocrFromNumber(100001)).toBe('10000180');
    expect(ocrFromNumber(1n)).toBe('133');
  });

  test('the length digit is the total length modulo 10', () => {
    const reference = ocrFromNumber(12345678n);
    expect(reference).toHaveLength(10);
    expect(reference[8]).toBe('0');
  });

  test('Luhn check digit as for personnummer', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  test('every generated reference validates', () => {
    for (const n of [1, 7, 99, 100001, 987654321, 123456789012345678901n]) expect(isValidOcr(ocrFromNumber(n))).toBe(true);
  });

  test('a wrong check digit is refused', () => {
    expect(ocrProblem('1234575')).toBe('check-digit');
  });

  test('a dropped or repeated digit breaks the length digit', () => {
    expect(ocrProblem('123474')).toBe('length-digit');
    expect(ocrProblem('12234574')).toBe('length-digit');
  });

  test('anything but 3 to 25 digits is not an OCR number', () => {
    for (const bad of ['', '12', '12a4574', ' 1234574', '1234574 ', '1'.repeat(26)]) expect(ocrProblem(bad)).toBe('format');
  });

  test('only positive numbers of up to 23 digits can be turned into references', () => {
    expect(() => ocrFromNumber(0)).toThrow(RangeError);
    expect(() => ocrFromNumber(10n ** 23n)).toThrow(RangeError);
    expect(ocrFromNumber(10n ** 23n - 1n)).toHaveLength(25);
  });
});
