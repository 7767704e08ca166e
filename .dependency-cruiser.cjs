// The boundaries CI enforces (docs/decisions/0007-ci-rules.md). Generic over apps/*:
// a new app (apps/web, apps/messages) is covered the day it lands.

/** Deciders and pure rule modules: where the rules live, so they load no framework and do no I/O. */
const PURE = [
  '^apps/[^/]+/src/.+[.](decider|events|rules)[.]tsx?$',
  // Pure rule modules named before the *.rules.ts convention.
  '^apps/listings/src/ranking/rank[.]ts$',
  '^apps/listings/src/letting/letting[.]follow-ups[.]ts$',
];
const TESTS = '[.](spec|int-spec|e2e-spec)[.]tsx?$';

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
        "Deciders and rule modules (and everything they import) use only their own app's pure code, libs/calendar, " +
        'libs/contracts, libs/errors, the shape of sealed personal data and dated policy settings: ' +
        'no npm package, no Nest, no I/O (node:crypto for hashing only).',
      from: { path: PURE, pathNot: TESTS },
      to: {
        reachable: true,
        pathNot: ['^apps/', '^libs/(calendar|contracts|errors)/src/', '^libs/personal-data/src/sealed[.]ts$', '^libs/policy/src/settings[.]ts$', '^(node:)?crypto$'],
      },
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
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing fails at run time.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
