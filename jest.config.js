/**
 * Jest runs the TypeScript sources as native ES modules (the @actions/* packages are ESM-only).
 * One project per test tier, one folder each (`npm run test:unit`, `test:component`, `test:e2e`,
 * `test:simulation` select them; `npm test` runs all):
 *   unit/        pure modules, no servers (seconds)
 *   component/   one I/O module against a local fake (HTTP client, webhook poster)
 *   e2e/         the bundled dist/index.js run as the runner runs it, against all the fakes
 *   simulation/  randomised runs and the year-long soak
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }]
  },
  testTimeout: 60000
};
const tiers = ['unit', 'component', 'e2e', 'simulation'];

export default {
  projects: tiers.map(tier => ({ ...shared, displayName: tier, testMatch: [`<rootDir>/__tests__/${tier}/**/*.test.ts`] })),
  testTimeout: 60000,
  maxWorkers: 2
};
