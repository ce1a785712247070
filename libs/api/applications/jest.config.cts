const { esmOnlyTransform } = require('../../../jest.esm-only');

module.exports = {
  displayName: 'api-applications',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    ...esmOnlyTransform,
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }]
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/applications'
};
