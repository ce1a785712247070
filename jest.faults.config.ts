import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from './tsconfig.base.json';

/**
 * The fault tier (`npm run test:faults`, also part of `npm test`): real API and worker processes while
 * PostgreSQL and Redis are stopped and restarted. Each file starts its own servers.
 */
const config: Config = {
  displayName: 'faults',
  rootDir: '.',
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.nx', '<rootDir>/.data'],
  testMatch: ['<rootDir>/tools/**/*.faults.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.integration.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 300_000,
  maxWorkers: 1,
};

export default config;
