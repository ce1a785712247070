const { esmOnlyTransform } = require('../jest.esm-only');

/** The unit tests of the tools (the demo seed's data, the architecture rules); their integration and fault specs run in their own tiers. */
module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    ...esmOnlyTransform,
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  modulePathIgnorePatterns: ['<rootDir>/\\.data'],
  coverageDirectory: '../coverage/tools',
};
