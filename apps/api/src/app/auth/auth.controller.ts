import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '@incubator/api/config';
import { AuthService, IdentityErrors, InvitationService, MfaService, PasswordResetService } from '@incubator/api/identity';
import type { IssuedSession } from '@incubator/api/identity';
import type { AnyCaller } from '@incubator/api/identity';
import type { AuthUser, InvitationPreview, LoginResponse, MfaEnrolmentResponse, SessionResponse } from '@incubator/contracts';
import { Access } from './access.decorator';
import { clientContext, clientHints } from './client-context';
import {
  AcceptInvitationDto,
  InvitationPreviewDto,
  LoginDto,
  MfaChallengeConfirmDto,
  MfaChallengeDto,
  MfaVerifyDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
} from './auth.dto';
import { CurrentAccount } from './caller.decorator';
import { RateLimit } from '../common/rate-limit';

/** The refresh token also travels as an httpOnly cookie, sent only to /api/auth, so scripts never see it. */
export const REFRESH_COOKIE = 'incubator_refresh';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationService,
    private readonly passwordResets: PasswordResetService,
    private readonly mfa: MfaService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @RateLimit('sign-in')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; the same 401 for a wrong email or a wrong password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address' })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const session = await this.auth.login(body.email, body.password, request.ip ?? 'unknown', body.organisationSlug, clientHints(request));
    // With MFA the answer is a challenge: no session, so no cookie, until the second step.
    return 'challengeToken' in session ? session : this.withCookie(response, session);
  }

  @Post('mfa/verify')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Second sign-in step: a TOTP code or a recovery code for the challenge; opens the session' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account' })
  async verifyMfa(@Body() body: MfaVerifyDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const outcome = await this.mfa.verifyChallenge(body.challengeToken, { code: body.code, recoveryCode: body.recoveryCode }, clientContext(request));
    return this.withCookie(response, await this.auth.completeChallenge(outcome));
  }

  @Post('mfa/challenge/enrol')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'MFA required by the organisation: start enrolling with the sign-in challenge (secret, URI, QR code)' })
  startChallengeEnrolment(@Body() body: MfaChallengeDto): Promise<MfaEnrolmentResponse> {
    return this.mfa.startChallengeEnrolment(body.challengeToken);
  }

  @Post('mfa/challenge/confirm')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm the enrolment with a code: opens the session and answers the recovery codes, once' })
  async confirmChallengeEnrolment(@Body() body: MfaChallengeConfirmDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const { recoveryCodes, ...outcome } = await this.mfa.confirmChallengeEnrolment(body.challengeToken, body.code, clientContext(request));
    return { ...this.withCookie(response, await this.auth.completeChallenge(outcome)), recoveryCodes };
  }

  @Post('refresh')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New access token from the refresh cookie (or body); rotates the refresh token' })
  async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const token = body.refreshToken ?? (request.cookies?.[REFRESH_COOKIE] as string | undefined);
    if (!token) throw IdentityErrors.no_refresh_session();
    return this.withCookie(response, await this.auth.refresh(token, clientContext(request)));
  }

  @Post('logout')
  @Access('account')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session' })
  async logout(@CurrentAccount() caller: AnyCaller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(caller);
    response.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @Access('account')
  @ApiOperation({ summary: 'The signed-in user in the session’s organisation (none for the platform operator)' })
  me(@CurrentAccount() caller: AnyCaller): Promise<AuthUser> {
    return this.auth.me(caller);
  }

  // POST with the token in the body: a token in the path would be written by pino-http, nginx and any proxy.
  @Post('invitations/preview')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What an invitation is for (404 unknown, 410 expired or used)' })
  previewInvitation(@Body() body: InvitationPreviewDto): Promise<InvitationPreview> {
    return this.invitations.preview(body.token);
  }

  @Post('invitations/accept')
  @RateLimit('invitations')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation: create the account or join with an existing one, and sign in' })
  async acceptInvitation(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    return this.withCookie(response, await this.invitations.accept(body));
  }

  @Post('password-reset')
  @RateLimit('password-reset')
  @Access('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a reset link if the account exists; the answer never says whether it does' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.passwordResets.request(body.email);
  }

  @Post('password-reset/confirm')
  @RateLimit('password-reset')
  @Access('public')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordResets.confirm(body.token, body.password);
  }

  /** Sets the refresh cookie and leaves the token out of the body, where any script could read it. */
  private withCookie(response: Response, issued: IssuedSession): SessionResponse {
    const { refreshToken, ...session } = issued;
    response.cookie(REFRESH_COOKIE, refreshToken, {
      ...this.cookieOptions(),
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    });
    return session;
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: '/api/auth', secure: this.config.NODE_ENV === 'production' };
  }
}
