import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from './tsconfig.base.json';

/**
 * The integration tier: `*.integration.spec.ts` anywhere, against real PostgreSQL and Redis started
 * once per run by the local stack launcher (or DATABASE_URL / REDIS_URL when set).
 */
const ESM_ONLY = '(@scure/base|@noble/hashes)';

const config: Config = {
  displayName: 'integration',
  rootDir: '.',
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.nx', '<rootDir>/.data'],
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.integration.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.integration.json' }],
    // otplib's base32 and hash plugins (@scure/base, @noble/hashes) ship ES modules only; Node loads
    // them, Jest's CommonJS runtime needs them compiled.
    [`^.+/node_modules/${ESM_ONLY}/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(@otplib/[^/]+/node_modules/)?${ESM_ONLY}/)`],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/tools/test/integration-global-setup.ts',
  globalTeardown: '<rootDir>/tools/test/integration-global-teardown.ts',
  testTimeout: 30_000,
  // One shared database: run files one after another so no test sees another's half-done work.
  maxWorkers: 1,
};

export default config;
