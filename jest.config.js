// ESM throughout: NestJS 12 and emmett ship only ES modules.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// apps/web's pages are .tsx with @kitajs/html's JSX (tsconfig.json: jsx react-jsx).
const swcTsx = {
  ...swc,
  jsc: { ...swc.jsc, parser: { ...swc.jsc.parser, tsx: true }, transform: { ...swc.jsc.transform, react: { runtime: 'automatic', importSource: '@kitajs/html' } } },
};

export default {
  testEnvironment: 'node',
  // `@bostadsko/<lib>` resolves to the lib's TypeScript source, as in tsc (docs/decisions/0017-libraries-by-name.md).
  testEnvironmentOptions: { customExportConditions: ['@bostadsko/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.tsx$': ['@swc/jest', swcTsx] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec).{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],

  // Apps under test log warnings only; a test that checks logs sets its own level.
  setupFiles: ['./test/support/quiet-logs.ts'],
  setupFilesAfterEnv: ['./test/support/jest-esm-interop.ts'],
  globalSetup: './test/support/global-setup.mjs',
  globalTeardown: './test/support/global-teardown.mjs',
  testTimeout: 60000,
};
