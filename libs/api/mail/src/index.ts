export * from './lib/mail.module';
export * from './lib/mail-send.job';
export * from './lib/mail-transport';
export * from './lib/mail.processor';
export * from './lib/mail.service';
