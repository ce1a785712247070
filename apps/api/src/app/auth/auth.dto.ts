import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MFA_POLICY_ROLES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SUPPORTED_LOCALES } from '@incubator/contracts';
import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  MfaChallengeConfirmRequest,
  MfaChallengeRequest,
  MfaConfirmRequest,
  MfaDisableRequest,
  MfaPolicy,
  MfaVerifyRequest,
  InvitationPreviewRequest,
  Locale,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RefreshRequest,
} from '@incubator/contracts';
import { EmailField, Optional, TextField, TokenField, UniqueItems } from '../common/dto';

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

export class InvitationPreviewDto implements InvitationPreviewRequest {
  @TokenField()
  token!: string;
}

/** A TOTP code of the authenticator app: six digits. */
function TotpCodeField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ example: '123456', pattern: '^\\d{6}$' })(target, key);
    IsString()(target, key);
    Matches(/^\d{6}$/, { message: '$property must be the 6-digit code of the authenticator app' })(target, key);
  };
}

/** A sign-in challenge token (same shape as the other secret tokens). */
function ChallengeTokenField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: 'From the sign-in answer', minLength: 43, maxLength: 43 })(target, key);
    IsString()(target, key);
    Matches(/^[A-Za-z0-9_-]{43}$/, { message: '$property is not a valid challenge token' })(target, key);
  };
}

/** A TOTP code or a recovery code (xxxx-xxxx-xxxx-xxxx). */
const TOTP_OR_RECOVERY = /^(\d{6}|[A-Za-z2-7]{4}(-[A-Za-z2-7]{4}){3})$/;

export class MfaVerifyDto implements MfaVerifyRequest {
  @ChallengeTokenField()
  challengeToken!: string;

  // One of the two; the service refuses a request with neither (same 401 as a wrong code).
  @Optional()
  @TotpCodeField()
  code?: string;

  @ApiProperty({ required: false, example: 'abcd-efgh-ijkl-mnop' })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z2-7]{4}(-[A-Za-z2-7]{4}){3}$/, { message: '$property must be a recovery code (xxxx-xxxx-xxxx-xxxx)' })
  recoveryCode?: string;
}

export class MfaChallengeDto implements MfaChallengeRequest {
  @ChallengeTokenField()
  challengeToken!: string;
}

export class MfaChallengeConfirmDto implements MfaChallengeConfirmRequest {
  @ChallengeTokenField()
  challengeToken!: string;

  @TotpCodeField()
  code!: string;
}

export class MfaConfirmDto implements MfaConfirmRequest {
  @TotpCodeField()
  code!: string;
}

export class MfaDisableDto implements MfaDisableRequest {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ description: 'A code of the authenticator app or a recovery code' })
  @IsString()
  @Matches(TOTP_OR_RECOVERY, { message: '$property must be a 6-digit code or a recovery code' })
  code!: string;
}

export class MfaPolicyDto implements MfaPolicy {
  @ApiProperty({ enum: MFA_POLICY_ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(MFA_POLICY_ROLES.length)
  @UniqueItems()
  @IsIn(MFA_POLICY_ROLES, { each: true })
  requiredRoles!: MfaPolicy['requiredRoles'];
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @NewPasswordField()
  newPassword!: string;
}
