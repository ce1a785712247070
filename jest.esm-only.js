/**
 * otplib's base32 and hash plugins (@scure/base, @noble/hashes) ship ES modules only; Node loads them,
 * Jest's CommonJS runtime needs them compiled. The preset lets Jest transform them; a project whose
 * unit tests import otplib adds `esmOnlyTransform` to its own transform (which replaces the preset's).
 * jest.integration.config.ts does the same for the integration tier.
 */
const ESM_ONLY = '(@scure/base|@noble/hashes)';

module.exports = {
  esmOnlyTransform: {
    [`^.+/node_modules/${ESM_ONLY}/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  esmOnlyTransformIgnorePatterns: [`/node_modules/(?!(@otplib/[^/]+/node_modules/)?${ESM_ONLY}/)`],
};
