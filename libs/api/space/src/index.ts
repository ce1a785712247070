export * from './lib/allocation/grid';
export * from './lib/allocation/layout';
export * from './lib/allocation/propose';
export * from './lib/floor.service';
export * from './lib/lease.service';
export * from './lib/space.module';
export * from './lib/occupancy.service';
