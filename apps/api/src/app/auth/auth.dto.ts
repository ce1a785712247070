import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SUPPORTED_LOCALES } from '@incubator/contracts';
import type {
  AcceptInvitationRequest,
  Locale,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RefreshRequest,
} from '@incubator/contracts';
import { EmailField, Optional, TextField, TokenField } from '../common/dto';

/** A password being chosen: length bounds only (passphrases welcome). */
function NewPasswordField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })(target, key);
    IsString()(target, key);
    MinLength(PASSWORD_MIN_LENGTH)(target, key);
    MaxLength(PASSWORD_MAX_LENGTH)(target, key);
  };
}

export class LoginDto implements LoginRequest {
  @EmailField()
  email!: string;

  // Bounded so a 10 kB "password" is refused before any hashing work.
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ required: false, example: 'demo' })
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be an organisation slug' })
  @MaxLength(64)
  organisationSlug?: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty({ required: false, description: 'Optional when the refresh cookie is sent' })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: '$property is not a valid refresh token' })
  refreshToken?: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @TokenField()
  token!: string;

  @Optional()
  @TextField(120)
  displayName?: string;

  @NewPasswordField()
  password!: string;

  @ApiProperty({ required: false, enum: SUPPORTED_LOCALES })
  @Optional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @EmailField()
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @TokenField()
  token!: string;

  @NewPasswordField()
  password!: string;
}

export class InvitationTokenParam {
  @TokenField()
  token!: string;
}
