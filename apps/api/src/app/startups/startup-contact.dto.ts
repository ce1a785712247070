import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID, registerDecorator } from 'class-validator';
import { normalisePhone } from '@incubator/contracts';
import type { StartupContactRequest, UpdateStartupContactRequest } from '@incubator/contracts';
import { Clearable, EmailField, Optional, TextField } from '../common/dto';

/** An international phone number (+33 6 12 34 56 78, 06 12 34 56 78 read as French), stored as +33612345678. */
function PhoneField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ required: false, nullable: true, example: '+33612345678', description: 'International form; a French 0… number is accepted' })(target, key);
    Transform(({ value }) => (typeof value === 'string' ? (normalisePhone(value) ?? value) : value))(target, key);
    registerDecorator({
      name: 'isPhone',
      target: target.constructor,
      propertyName: key as string,
      options: { message: '$property must be a phone number in international form (e.g. +33612345678)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value) },
    });
  };
}

const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class StartupImportQueryDto {
  @ApiProperty({ required: false, default: false, description: 'Check every line and write nothing' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean()
  dryRun = false;

  @ApiProperty({ required: false, default: false, description: 'Invite each contact e-mail as a member of its startup' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean()
  invite = false;
}

export class StartupContactParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: '$property must be a UUID' }) id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: '$property must be a UUID' }) contactId!: string;
}

export class CreateStartupContactDto implements StartupContactRequest {
  @TextField(200) name!: string;
  @Clearable() @TextField(100) role?: string | null;
  @Clearable() @EmailField() email?: string | null;
  @Clearable() @PhoneField() phone?: string | null;
}

export class UpdateStartupContactDto implements UpdateStartupContactRequest {
  @Optional() @TextField(200) name?: string;
  @Clearable() @TextField(100) role?: string | null;
  @Clearable() @EmailField() email?: string | null;
  @Clearable() @PhoneField() phone?: string | null;
}
