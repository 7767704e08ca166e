// The boundaries CI enforces (docs/decisions/0007-ci-rules.md, 0017-libraries-by-name.md).
// Generic over apps/* and libs/*: a new app or library is covered the day it lands.
const { readdirSync, readFileSync } = require('node:fs');

/** Deciders and pure rule modules: where the rules live, so they load no framework and do no I/O. */
const PURE = [
  '^apps/[^/]+/src/.+[.](decider|events|rules)[.]tsx?$',
  // Pure rule modules named before the *.rules.ts convention.
  '^apps/listings/src/ranking/rank[.]ts$',
  '^apps/listings/src/letting/letting[.]follow-ups[.]ts$',
];
const TESTS = '[.](spec|int-spec|e2e-spec)[.]tsx?$';

/** The package entries pure code may import: whole packages, or a named subpath that holds only a pure shape. */
const PURE_IMPORTS = ['@bostadsko/calendar', '@bostadsko/contracts', '@bostadsko/errors', '@bostadsko/personal-data/sealed', '@bostadsko/policy/settings'];

/** Every library is a workspace package: its manifest names its entries and the packages it may import. */
const MANIFESTS = Object.fromEntries(
  readdirSync('libs').map((lib) => {
    try {
      return [lib, JSON.parse(readFileSync(`libs/${lib}/package.json`, 'utf8'))];
    } catch (error) {
      throw new Error(`libs/${lib} needs a package.json naming @bostadsko/${lib} and its exports (docs/decisions/0017-libraries-by-name.md)`, { cause: error });
    }
  }),
);
const dirOf = (names) => Object.keys(names ?? {}).map((name) => `^libs/${name.replace('@bostadsko/', '')}/`);

/** Each library's public entries, read from its package.json `exports`: `{ '@bostadsko/bus/kafka': 'libs/bus/src/kafka/kafka.bus.ts', … }`. */
const ENTRIES = Object.fromEntries(
  Object.entries(MANIFESTS).flatMap(([lib, { name, exports }]) =>
    Object.entries(exports).map(([subpath, targets]) => [subpath === '.' ? name : `${name}/${subpath.slice(2)}`, `libs/${lib}/${targets['@bostadsko/source'].slice(2)}`]),
  ),
);
const escape = (path) => path.replace(/[.]/g, '[.]');
/** A whole package lets its own sources be reached through its entry; a subpath only its one file. */
const PURE_PATHS = PURE_IMPORTS.map((name) => (name.split('/').length === 2 ? `^${ENTRIES[name].replace(/src\/.*$/, 'src/')}` : `^${escape(ENTRIES[name])}$`));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and the modules one lump. Type-only cycles load nothing and are allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'pure-rules-stay-pure',
      severity: 'error',
      comment:
        "Deciders and rule modules (and everything they import) use only their own app's pure code and " +
        `${PURE_IMPORTS.join(', ')}: no npm package, no Nest, no I/O (node:crypto for hashing only).`,
      from: { path: PURE, pathNot: TESTS },
      to: { reachable: true, pathNot: ['^apps/', ...PURE_PATHS, '^(node:)?crypto$'] },
    },
    {
      name: 'errors-import-nothing',
      severity: 'error',
      comment: 'libs/errors is what pure code throws: it must stay free of Nest, Fastify and I/O.',
      from: { path: '^libs/errors/' },
      to: { pathNot: '^libs/errors/' },
    },
    {
      name: 'no-app-imports-another-app',
      severity: 'error',
      comment: 'Each app is a bounded context: what it needs from another arrives as integration events (libs/contracts) or over HTTP.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-imports-only-libs-and-its-own',
      severity: 'error',
      comment: 'The website owns no rules: it calls the apps over HTTP and shares only libraries.',
      from: { path: '^apps/web/' },
      to: { path: '^(apps|infra|test|bench)/', pathNot: '^apps/web/' },
    },
    {
      name: 'apps-not-to-infra',
      severity: 'error',
      comment: 'infra/ starts and supervises the apps; the apps must not depend on how they are started.',
      from: { path: '^apps/' },
      to: { path: '^infra/' },
    },
    {
      name: 'libs-not-to-apps-or-tooling',
      severity: 'error',
      comment: 'Libraries are shared by every app, so they know none of them, nor the start scripts, tests or benchmarks.',
      from: { path: '^libs/', pathNot: TESTS },
      to: { path: '^(apps|infra|test|bench)/' },
    },
    {
      name: 'production-code-not-to-tests',
      severity: 'error',
      comment: 'Test helpers and fixtures (test/, libs/testing) are for tests; what runs in production must not load them.',
      from: { path: '^(apps|libs|infra)/', pathNot: [TESTS, '^libs/testing/'] },
      to: { path: ['^test/', '^libs/testing/', TESTS] },
    },
    {
      name: 'libraries-by-name',
      severity: 'error',
      comment: 'Code outside a library imports it by package name (@bostadsko/<lib>), never by a relative path into its folder.',
      from: { path: '^(apps|infra|test|bench|libs/[^/]+)/' },
      to: { path: '^libs/', pathNot: '^$1/', dependencyTypesNot: ['aliased-workspace'] },
    },
    {
      name: 'libraries-through-their-entries',
      severity: 'error',
      comment: "A package name reaches only the entries in the library's package.json exports: the rest of its src/ is private.",
      from: {},
      to: { dependencyTypes: ['aliased-workspace'], pathNot: Object.values(ENTRIES).map((path) => `^${escape(path)}$`) },
    },
    // A library imports only the packages its package.json lists (tests also its devDependencies), so the manifest is the lib's true dependency list.
    ...Object.entries(MANIFESTS).flatMap(([lib, { dependencies, devDependencies }]) => [
      {
        name: 'libraries-list-what-they-import',
        severity: 'error',
        comment: `libs/${lib} imports a @bostadsko package its package.json does not list under dependencies.`,
        from: { path: `^libs/${lib}/`, pathNot: TESTS },
        to: { dependencyTypes: ['aliased-workspace'], pathNot: [`^libs/${lib}/`, ...dirOf(dependencies)] },
      },
      {
        name: 'libraries-list-what-their-tests-import',
        severity: 'error',
        comment: `A test in libs/${lib} imports a @bostadsko package its package.json does not list under dependencies or devDependencies.`,
        from: { path: [`^libs/${lib}/.+${TESTS}`] },
        to: { dependencyTypes: ['aliased-workspace'], pathNot: [`^libs/${lib}/`, ...dirOf(dependencies), ...dirOf(devDependencies)] },
      },
    ]),
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing fails at run time.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(dist|data)/', '^libs/[^/]+/dist/'] },
    tsPreCompilationDeps: true,
    // Read the root manifest too, so a lib's import of another lib is recognised as a workspace package.
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@bostadsko/source', 'import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
