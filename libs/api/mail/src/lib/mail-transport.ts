import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@incubator/api/config';

/** The SMTP connection the worker sends through: none with MAIL_TRANSPORT=log. Closed when the worker stops. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  readonly smtp?: Transporter;

  constructor(config: AppConfig) {
    if (config.MAIL_TRANSPORT === 'smtp') this.smtp = createTransport(config.SMTP_URL);
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }
}
