export * from './lib/kpi-aggregates.service';
export * from './lib/kpi-definition.service';
export * from './lib/kpi-export';
export * from './lib/kpi-import.service';
export * from './lib/kpi-report.service';
export * from './lib/kpi-values';
export * from './lib/kpis.module';
