const nxPreset = require('@nx/jest/preset').default;
const { esmOnlyTransformIgnorePatterns } = require('./jest.esm-only');

module.exports = {
  ...nxPreset,
  // Integration and fault specs need PostgreSQL and Redis (or real processes); they run in their own
  // tiers (jest.integration.config.ts, jest.faults.config.ts), never in a project's unit tests.
  testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.spec\\.ts$', '\\.faults\\.spec\\.ts$'],
  transformIgnorePatterns: esmOnlyTransformIgnorePatterns,
};
