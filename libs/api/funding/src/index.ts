export * from './lib/funding-round.service';
export * from './lib/funding.module';
export * from './lib/investor.service';
export * from './lib/funding-export';
