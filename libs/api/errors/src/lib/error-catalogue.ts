import { DomainError, ErrorDetails, ErrorEntry } from './domain-error';

const CATALOGUE = new Map<string, ErrorEntry>();

type Factories<D extends Record<string, ErrorEntry>> = { readonly [K in keyof D]: (details?: ErrorDetails) => DomainError };

/**
 * Declares a domain's errors, next to its services: `defineErrors('startup', { siren_taken: {…} })`
 * registers `startup.siren_taken` in the one catalogue and returns a factory per code, so a service
 * writes `throw StartupErrors.siren_taken({ legalName, startupId })`. A code is declared once.
 */
export function defineErrors<const D extends Record<string, ErrorEntry>>(domain: string, entries: D): Factories<D> {
  const factories: Record<string, (details?: ErrorDetails) => DomainError> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const code = `${domain}.${name}`;
    if (CATALOGUE.has(code) && CATALOGUE.get(code) !== entry) throw new Error(`Error code ${code} is declared twice`);
    CATALOGUE.set(code, entry);
    factories[name] = (details?: ErrorDetails) => new DomainError(code, entry, details);
  }
  return factories as Factories<D>;
}

/** Every code declared so far (a domain's codes are declared when its module is loaded). */
export function errorCatalogue(): ReadonlyMap<string, ErrorEntry> {
  return CATALOGUE;
}
