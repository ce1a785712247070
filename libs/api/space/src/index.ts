export * from './lib/allocation/grid';
export * from './lib/allocation/layout';
export * from './lib/allocation/propose';
