import { appLogFormatter, colourOf, consoleSettings } from './app-log-format.js';

const TIME = String.raw`\[\d\d:\d\d:\d\d\.\d{3}\]`;
const ESC = '\u001b[';
const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: Date.UTC(2026, 4, 20, 10, 4, 31, 207), pid: 4242, hostname: 'dev', name: 'listings', ...fields });

describe("npm start's console: the apps' pino lines made readable", () => {
  const plain = appLogFormatter('listings', { colour: false });

  test('a request line: app name, time, level, message, the request and its correlation id; no headers, pid or host', () => {
    const out = plain(
      line({ correlationId: 'c0ffee-1', req: { method: 'POST', url: '/applications' }, res: { statusCode: 201, headers: { etag: '"3"' } }, responseTime: 7, msg: 'request completed' }),
    );
    expect(out).toMatch(new RegExp(`^listings   ${TIME} INFO: request completed  POST /applications 201 7 ms  corr=c0ffee-1\n$`));
  });

  test('a Nest context in brackets; other fields on the same line; no correlation id when there is none', () => {
    expect(plain(line({ level: 40, context: 'ReadAfter', waited: { ms: 5000 }, msg: 'read models still behind' }))).toMatch(
      new RegExp(`^listings   ${TIME} WARN: \\[ReadAfter\\] read models still behind \\{"waited":\\{"ms":5000\\}\\}\n$`),
    );
  });

  test('an error with its stack, frame by frame', () => {
    const out = plain(
      line({ level: 50, correlationId: 'c0ffee-2', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at decide (listing.decider.js:12:9)\n    at handle (x.js:3:1)' }, msg: 'boom' }),
    );
    const [first, ...rest] = out.split('\n');
    expect(first).toMatch(new RegExp(`^listings   ${TIME} ERROR: boom  corr=c0ffee-2`));
    expect(rest.map((l) => l.trim())).toEqual(expect.arrayContaining(['Error: boom', 'at decide (listing.decider.js:12:9)', 'at handle (x.js:3:1)']));
  });

  test('a line that is not JSON (a crash before the logger was up) is kept as it is, after the app name', () => {
    expect(plain('node:internal/modules/run_main: cannot find module')).toBe('listings   node:internal/modules/run_main: cannot find module\n');
  });

  test('without colour no escape codes; with colour the app name in its own colour and the level in the level colour', () => {
    expect(plain(line({ level: 50, msg: 'x' }))).not.toContain(ESC);
    const coloured = appLogFormatter('listings', { colour: true })(line({ level: 50, msg: 'x' }));
    expect(coloured.startsWith(`${ESC}35mlistings  ${ESC}39m `)).toBe(true); // magenta
    expect(coloured).toContain(`${ESC}31mERROR${ESC}39m`); // red
  });

  test('each app of npm start has a colour of its own, the same every run', () => {
    const apps = ['applicants', 'listings', 'landlords', 'statistics', 'messages', 'web'];
    expect(new Set(apps.map(colourOf)).size).toBe(apps.length);
    expect(colourOf('listings')).toBe('magenta');
  });
});

describe('which console: LOG_FORMAT, NODE_ENV, NO_COLOR and the terminal', () => {
  test.each([
    [{}, true, { format: 'pretty', colour: true }],
    [{}, false, { format: 'pretty', colour: false }],
    [{ NO_COLOR: '1' }, true, { format: 'pretty', colour: false }],
    [{ NO_COLOR: '' }, true, { format: 'pretty', colour: true }],
    [{ NODE_ENV: 'production' }, true, { format: 'json', colour: true }],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, true, { format: 'pretty', colour: true }],
    [{ LOG_FORMAT: 'json' }, true, { format: 'json', colour: true }],
  ])('%j on a terminal: %s', (env, isTTY, expected) => {
    expect(consoleSettings(env, isTTY)).toEqual(expected);
  });

  test('an unknown LOG_FORMAT is refused, naming the variable', () => {
    expect(() => consoleSettings({ LOG_FORMAT: 'yaml' }, true)).toThrow('LOG_FORMAT must be pretty or json (got "yaml")');
  });
});
