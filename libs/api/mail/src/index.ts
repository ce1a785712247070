export * from './lib/mail.module';
export * from './lib/mail.processor';
export * from './lib/mail.service';
