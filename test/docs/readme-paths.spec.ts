import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** Every README a reader follows from the root: the root's, each app's and library's, and those inside them. */
function readmes(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'data', '.git', '.cache', 'test-artifacts'].includes(entry.name) ? [] : readmes(path);
    return entry.name === 'README.md' ? [path] : [];
  });
}

/** A file or folder named in a table cell: `src/fees/ocr.ts`, `letting.decider.ts`, `pages/home/`; not routes, streams, tables or commands. */
const PATH = /^(?!\/)[\w@.-]+(?:\/[\w@.-]+)*(?:\.(?:ts|tsx|md|json|css|mjs|cjs|js)|\/)$/;

function tablePaths(readme: string): string[] {
  return readFileSync(readme, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]))
    .filter((token) => PATH.test(token));
}

/** Paths in an app's README are written from the app (`src/…`), from its src (`listing/…`) or from the repository root (`libs/…`). */
const exists = (readme: string, path: string) => [dirname(readme), join(dirname(readme), 'src'), ROOT].some((base) => existsSync(join(base, path)));

describe("the READMEs' tables: from a rule to its code", () => {
  const all = readmes();

  test('every file or folder a README table names exists', () => {
    const named = all.flatMap((readme) => tablePaths(readme).map((path) => ({ readme: relative(ROOT, readme), path })));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter(({ readme, path }) => !exists(join(ROOT, readme), path))).toEqual([]);
  });

  const apps = readdirSync(join(ROOT, 'apps')).filter((app) => app !== 'web');
  test.each(apps)('apps/%s: its README has the rules table, reached from the root README in one link', (app) => {
    const readme = readFileSync(join(ROOT, 'apps', app, 'README.md'), 'utf8');
    const section = readme.split(/^#{2,3} /m).find((s) => s.startsWith('Rules: where each lives')) ?? '';
    expect(section.split('\n').filter((line) => /^\| .*`[^`]+\.tsx?`/.test(line)).length).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`(apps/${app}/README.md)`);
  });
});
