import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsString, IsUUID, Matches, MaxLength, registerDecorator, ValidateNested } from 'class-validator';
import { CHARGE_KINDS, INVOICE_KINDS, INVOICE_STATUSES, isValidSiren, PAYMENT_METHODS, SETTLEMENT_STATUSES, SUPPORTED_LOCALES, VAT_CATEGORIES } from '@incubator/contracts';
import type {
  BillingSettings,
  ChargeKind,
  CreateBillingChargeRequest,
  CreateBillingRunRequest,
  CreateCreditNoteRequest,
  CreateSepaMandateRequest,
  InvoiceKind,
  InvoiceStatus,
  Locale,
  PaymentMethod,
  SettlementStatus,
  UpdateBillingCustomerRequest,
  VatCategory,
} from '@incubator/contracts';
import { Clearable, CountryField, DateField, IntField, MonthField, Optional, PageQueryDto, TextField, UniqueItems } from '../common/dto';

const uuid = { message: '$property must be a UUID' };
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value);

function IsSiren(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isSiren',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must be a valid SIREN (9 digits with a correct check digit)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidSiren(value) },
    });
}

/** An IBAN as typed (spaces allowed): shape only here, its check digits are the service's (ibantools). */
function IbanField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: 'FR76 3000 6000 0112 3456 7890 189', maxLength: 42 })(target, key);
    Transform(upper)(target, key);
    IsString()(target, key);
    Matches(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { message: '$property must be an IBAN' })(target, key);
  };
}

function BicField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: 'AGRIFRPP', minLength: 8, maxLength: 11 })(target, key);
    Transform(upper)(target, key);
    IsString()(target, key);
    Matches(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: '$property must be a BIC (8 or 11 characters)' })(target, key);
  };
}

export class BillingSettingsDto implements BillingSettings {
  @Clearable() @IbanField() iban!: string | null;
  @Clearable() @BicField() bic!: string | null;
  @Clearable()
  @ApiProperty({ example: 'FR72ZZZ123456' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, { message: '$property must be a SEPA creditor identifier such as FR72ZZZ123456' })
  sepaCreditorId!: string | null;
  @ApiProperty({ example: 'F' }) @IsString() @Matches(/^[A-Z0-9]{1,10}$/, { message: '$property must be 1 to 10 capital letters or digits' }) invoicePrefix!: string;
  @ApiProperty({ example: 'AV' }) @IsString() @Matches(/^[A-Z0-9]{1,10}$/, { message: '$property must be 1 to 10 capital letters or digits' }) creditNotePrefix!: string;
  @IntField(0, 60, { description: 'Days from the issue date to the due date (French B2B: at most 60)' }) paymentTermsDays!: number;
  @IntField(0, 10_000, { description: 'Late-payment penalty rate, basis points a year' }) latePenaltyRateBp!: number;
  @IntField(4000, 100_000_00, { description: 'Fixed recovery indemnity in cents (at least 40 € by law)' }) recoveryIndemnityCents!: number;
  @IntField(0, 10_000, { description: 'Default VAT rate of rent, basis points (2000 = 20 %)' }) defaultVatRateBp!: number;
  @ApiProperty() @IsBoolean() vatOnDebits!: boolean;
}

export class StartupIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;
}

export class BillingCustomerDto implements UpdateBillingCustomerRequest {
  @TextField(200) legalName!: string;
  @Clearable() @ApiProperty({ example: '732829320' }) @IsSiren() siren!: string | null;
  @Clearable()
  @ApiProperty({ example: 'FR44732829320' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z]{2}[0-9A-Z]{2,12}$/, { message: '$property must be a VAT number such as FR44732829320' })
  vatNumber!: string | null;
  @TextField(200) addressLine1!: string;
  @Clearable() @TextField(200) addressLine2!: string | null;
  @ApiProperty({ example: '59000' }) @IsString() @Matches(/^[A-Za-z0-9 -]{1,16}$/, { message: '$property must be a postcode' }) postcode!: string;
  @TextField(120) city!: string;
  @CountryField() country!: string;
  @ApiProperty({ type: [String], maxItems: 10, example: ['compta@startup.test'] })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value))
  @IsArray()
  @ArrayMaxSize(10)
  @UniqueItems()
  @IsEmail({}, { each: true, message: 'each of $property must be an email address' })
  @MaxLength(254, { each: true })
  recipients!: string[];
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) @IsIn(SUPPORTED_LOCALES) locale!: Locale;
}

export class CreateMandateDto implements CreateSepaMandateRequest {
  @ApiProperty({ example: 'RUM-2027-0001', maxLength: 35 })
  @IsString()
  @Matches(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, { message: '$property must be 1 to 35 SEPA characters (letters, digits, + ? / : ( ) . , \' - space)' })
  reference!: string;
  @DateField('The day the mandate was signed') signedOn!: string;
  @IbanField() iban!: string;
  @Optional() @Clearable() @BicField() bic?: string | null;
}

export class CreateChargeDto implements CreateBillingChargeRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId!: string;
  @ApiProperty({ enum: CHARGE_KINDS }) @IsIn(CHARGE_KINDS) kind!: ChargeKind;
  @TextField(200) label!: string;
  @IntField(-100_000_000_000, 100_000_000_000, { description: 'Cents excluding VAT: negative for a discount or a deposit refund' }) amountCents!: number;
  @IntField(0, 10_000, { description: 'Basis points (2000 = 20 %); 0 unless the standard category' }) vatRateBp!: number;
  @ApiProperty({ enum: VAT_CATEGORIES }) @IsIn(VAT_CATEGORIES) vatCategory!: VatCategory;
  @Optional() @Clearable() @TextField(300) vatExemptionReason?: string | null;
  @DateField('The day the service was provided (or the deposit taken)') chargedOn!: string;
  @Optional() @Clearable() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) leaseId?: string | null;
}

export class ChargeQueryDto {
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId?: string;
  @Optional()
  @ApiProperty({ enum: ['true', 'false'], description: 'Only unbilled (true) or only billed (false) charges' })
  @IsIn(['true', 'false'])
  pending?: 'true' | 'false';
}

export class CreateRunDto implements CreateBillingRunRequest {
  @MonthField('The month billed (rent monthly in advance: the month of the run)') month!: string;
}

export class InvoiceQueryDto extends PageQueryDto {
  @Optional() @ApiProperty({ enum: INVOICE_STATUSES }) @IsIn(INVOICE_STATUSES) status?: InvoiceStatus;
  @Optional() @ApiProperty({ enum: INVOICE_KINDS }) @IsIn(INVOICE_KINDS) kind?: InvoiceKind;
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) startupId?: string;
  @Optional() @MonthField('The billed month') month?: string;
  @Optional() @ApiProperty({ enum: SETTLEMENT_STATUSES }) @IsIn(SETTLEMENT_STATUSES) settlement?: SettlementStatus;
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) runId?: string;
}

export class CreditLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) lineId!: string;
  @IntField(1, 100_000_000_000, { description: 'Positive cents (excluding VAT) to credit on the line' }) amountCents!: number;
}

export class CreateCreditNoteDto implements CreateCreditNoteRequest {
  @TextField(500) reason!: string;
  @Optional()
  @ApiProperty({ type: [CreditLineDto], description: 'Omit to credit everything that remains' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreditLineDto)
  lines?: CreditLineDto[];
}
