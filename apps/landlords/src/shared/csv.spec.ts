import { toCsv } from './csv.js';

describe('csv', () => {
  test('quotes separators, quotes and line breaks; empty for null', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          { a: 'x,y', b: 'say "hi"', c: null },
          { a: 'two\nlines', b: 3, c: undefined },
        ],
      ),
    ).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n"two\nlines",3,\r\n');
  });

  test('a text that a spreadsheet would run as a formula is defused; negative numbers are not', () => {
    expect(toCsv(['d', 'n'], [{ d: '=HYPERLINK("x")', n: -3 }])).toBe('d,n\r\n"\'=HYPERLINK(""x"")",-3\r\n');
    expect(toCsv(['d'], [{ d: '@SUM(A1)' }, { d: '+1' }])).toBe("d\r\n'@SUM(A1)\r\n'+1\r\n");
  });
});
