import { BANK_FILE_MAX_LINES, decodeBankFile, parseBankFile } from './bank-file.js';

const today = '2027-03-15';
const file = (...lines: string[]) => ['paidOn;reference;amount;bankReference', ...lines].join('\r\n');

describe('bank payment file', () => {
  test('reads payments with decimal comma amounts into öre', () => {
    expect(parseBankFile(file('2027-03-01;10000180;200,00;BG-1', '2027-03-02;1234574;150,5;BG-2', '2027-03-02;1234574;75;BG-3'), today)).toEqual({
      ok: true,
      lines: [
        { line: 2, payment: { paidOn: '2027-03-01', reference: '10000180', amountOre: 20000, bankReference: 'BG-1' } },
        { line: 3, payment: { paidOn: '2027-03-02', reference: '1234574', amountOre: 15050, bankReference: 'BG-2' } },
        { line: 4, payment: { paidOn: '2027-03-02', reference: '1234574', amountOre: 7500, bankReference: 'BG-3' } },
      ],
    });
  });

  test('a byte order mark, LF line ends, blank lines and spaces around fields are allowed', () => {
    const parsed = parseBankFile('\uFEFFpaidOn; reference ;amount;bankReference\n\n 2027-03-01 ; 10000180 ;200,00; BG-1 \n\n', today);
    expect(parsed).toEqual({ ok: true, lines: [{ line: 3, payment: { paidOn: '2027-03-01', reference: '10000180', amountOre: 20000, bankReference: 'BG-1' } }] });
  });

  test('each unreadable line is reported with every reason; the others still count', () => {
    const parsed = parseBankFile(
      file('2027-02-30;12a;-200,00;', '2027-03-01;10000180;200.00;BG-1', '2027-03-01,10000180,200,BG-2', '2027-03-16;10000180;0,00;BG 3', '2027-03-01;10000180;200,00;BG-4'),
      today,
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.lines).toEqual([
      {
        line: 2,
        text: '2027-02-30;12a;-200,00;',
        messages: [
          'paidOn must be a date YYYY-MM-DD',
          'reference must be 1 to 25 digits',
          'amount must be a positive number of kronor with a decimal comma, e.g. 200,00',
          'bankReference must be 1 to 64 letters, digits or . _ : / -',
        ],
      },
      { line: 3, text: '2027-03-01;10000180;200.00;BG-1', messages: ['amount must be a positive number of kronor with a decimal comma, e.g. 200,00'] },
      { line: 4, text: '2027-03-01,10000180,200,BG-2', messages: ['expected 4 fields separated by ";", found 1'] },
      {
        line: 5,
        text: '2027-03-16;10000180;0,00;BG 3',
        messages: ['paidOn cannot be in the future', 'amount must be a positive number of kronor with a decimal comma, e.g. 200,00', 'bankReference must be 1 to 64 letters, digits or . _ : / -'],
      },
      { line: 6, payment: { paidOn: '2027-03-01', reference: '10000180', amountOre: 20000, bankReference: 'BG-4' } },
    ]);
  });

  test('a file without the header, without payments or too long is refused whole', () => {
    expect(parseBankFile('2027-03-01;10000180;200,00;BG-1', today)).toMatchObject({ ok: false, problem: expect.stringContaining('header') });
    expect(parseBankFile('paidOn,reference,amount,bankReference\n2027-03-01,10000180,200,BG-1', today)).toMatchObject({ ok: false });
    expect(parseBankFile('', today)).toMatchObject({ ok: false });
    expect(parseBankFile(file(), today)).toEqual({ ok: false, problem: 'The file holds no payments' });
    const many = Array.from({ length: BANK_FILE_MAX_LINES + 1 }, (_, i) => `2027-03-01;10000180;200,00;BG-${i}`);
    expect(parseBankFile(file(...many), today)).toMatchObject({ ok: false, problem: expect.stringContaining('at most') });
  });

  test('only UTF-8 is read', () => {
    expect(decodeBankFile(Buffer.from('\uFEFFpaidOn;å', 'utf8'))).toBe('paidOn;å');
    expect(decodeBankFile(Buffer.from([0x70, 0xe5, 0x3b]))).toBeUndefined();
  });
});
