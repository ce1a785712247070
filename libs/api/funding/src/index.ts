export * from './lib/funding-export';
export * from './lib/funding-round.repository';
export * from './lib/funding-round.service';
export * from './lib/funding.errors';
export * from './lib/funding.module';
export * from './lib/investor.repository';
export * from './lib/investor.service';
export * from './lib/funding.seed';
