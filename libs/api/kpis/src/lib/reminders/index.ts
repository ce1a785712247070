export * from './kpi-reminder.job';
export * from './kpi-reminder.repository';
export * from './kpi-reminders';
export * from './kpi-reminders.module';
export * from './kpis.processor';
