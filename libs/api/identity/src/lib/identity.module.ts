import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@incubator/api/config';
import { AuditModule } from '@incubator/api/audit';
import { MailModule } from '@incubator/api/mail';
import { AccessTokenService } from './access-token.service';
import { AuthService } from './auth.service';
import { InvitationService } from './invitation.service';
import { LoginThrottle } from './login-throttle';
import { InvitationRepository } from './invitation.repository';
import { MemberService } from './member.service';
import { MemberDirectory, MembershipRepository } from './membership.repository';
import { MfaRepository } from './mfa.repository';
import { MfaService } from './mfa.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';
import { PlatformOperatorRepository } from './platform-operator.repository';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';
import { UserRepository } from './user.repository';

/** Every statement on identity's tables is in one of these; only MemberDirectory is for other domains. */
const REPOSITORIES = [InvitationRepository, MemberDirectory, MembershipRepository, MfaRepository, PasswordResetRepository, PlatformOperatorRepository, SessionRepository, UserRepository];

/** Accounts, sessions, invitations, password resets and members. Needs Config, Database and Queues. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // The HMAC key as a KeyObject: given a string, jsonwebtoken first tries to parse it as a PEM public
      // key and throws, on every call — that failed parse was a fifth of the API's CPU per request.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET)) }),
    }),
    AuditModule,
    MailModule,
  ],
  providers: [...REPOSITORIES, AccessTokenService, AuthService, InvitationService, LoginThrottle, MemberService, MfaService, PasswordHasher, PasswordResetService, SessionsService],
  exports: [AccessTokenService, AuthService, InvitationService, MemberDirectory, MemberService, MfaService, PasswordHasher, PasswordResetService, SessionsService],
})
export class IdentityModule {}
