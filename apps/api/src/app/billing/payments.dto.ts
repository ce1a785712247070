import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID, registerDecorator } from 'class-validator';
import { PAYMENT_KINDS } from '@incubator/contracts';
import type { PaymentKind, RecordPaymentRequest } from '@incubator/contracts';
import { DateField, IntField, Optional, TextField } from '../common/dto';

const uuid = { message: '$property must be a UUID' };

/** On the end of an inclusive range (dates or months, compared as strings): `end >= start` when both are given. */
export function NotBefore(startField: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: key as string,
      constraints: [startField],
      options: { message: `$property must not be before ${startField} (both are inclusive)` },
      validator: {
        validate: (end: unknown, args) => {
          const start = (args?.object as Record<string, unknown>)[startField];
          return typeof start !== 'string' || typeof end !== 'string' || end >= start;
        },
      },
    });
}

export class RecordPaymentDto implements RecordPaymentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) invoiceId!: string;
  @ApiProperty({ enum: PAYMENT_KINDS }) @IsIn(PAYMENT_KINDS) kind!: PaymentKind;
  @IntField(1, 100_000_000_000, { description: 'Euro cents received, at most the invoice’s balance' }) amountCents!: number;
  @DateField('The day the money was received') receivedOn!: string;
  @Optional() @TextField(140) reference?: string;
}

export class PaymentQueryDto {
  @ApiProperty({ required: false, format: 'uuid' }) @Optional() @IsUUID('all', uuid) invoiceId?: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'Ignored for a startup member (always their own)' }) @Optional() @IsUUID('all', uuid) startupId?: string;
  @Optional() @DateField('Received on or after') from?: string;
  @Optional() @DateField('Received on or before') @NotBefore('from') to?: string;
}

export class DirectDebitBatchDto {
  @DateField('The day the banks collect (today at the earliest)') collectionDate!: string;
}
