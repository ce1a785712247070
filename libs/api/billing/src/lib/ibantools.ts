import type * as IbanTools from 'ibantools' with { 'resolution-mode': 'require' };

/**
 * ibantools, loaded through its CommonJS build. The package ships one for `require` (its "exports"
 * say so), but its type declarations sit in a `"type": "module"` package, which TypeScript's node16
 * resolution (the integration tier's) reads as ESM-only; requiring it explicitly, typed by those
 * declarations, compiles under every resolution and runs the same code the bundle runs.
 */
export const ibantools: typeof IbanTools = require('ibantools');
