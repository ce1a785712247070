export * from './lib/cohort.service';
export * from './lib/enrollment.service';
export * from './lib/milestone.service';
export * from './lib/program.service';
export * from './lib/programs.module';
