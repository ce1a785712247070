export * from './expire-offers.job';
export * from './match-waitlist.job';
export * from './space.processor';
