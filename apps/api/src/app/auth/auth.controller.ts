import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '@incubator/api/config';
import { AuthService, InvitationService, PasswordResetService } from '@incubator/api/identity';
import type { Caller } from '@incubator/api/identity';
import type { AuthUser, InvitationPreview, SessionResponse } from '@incubator/contracts';
import { Access } from './access.decorator';
import {
  AcceptInvitationDto,
  InvitationTokenParam,
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
} from './auth.dto';
import { CurrentCaller } from './caller.decorator';

/** The refresh token also travels as an httpOnly cookie, sent only to /api/auth, so scripts never see it. */
export const REFRESH_COOKIE = 'incubator_refresh';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationService,
    private readonly passwordResets: PasswordResetService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; the same 401 for a wrong email or a wrong password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address' })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const session = await this.auth.login(body.email, body.password, request.ip ?? 'unknown', body.organisationSlug);
    return this.withCookie(response, session);
  }

  @Post('refresh')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New access token from the refresh cookie (or body); rotates the refresh token' })
  async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const token = body.refreshToken ?? (request.cookies?.[REFRESH_COOKIE] as string | undefined);
    if (!token) throw new UnauthorizedException('No session to refresh');
    return this.withCookie(response, await this.auth.refresh(token));
  }

  @Post('logout')
  @Access('signed-in')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session' })
  async logout(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(caller);
    response.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @Access('signed-in')
  @ApiOperation({ summary: 'The signed-in user in the session’s organisation' })
  me(@CurrentCaller() caller: Caller): Promise<AuthUser> {
    return this.auth.me(caller);
  }

  @Get('invitations/:token')
  @Access('public')
  @ApiOperation({ summary: 'What an invitation is for (404 unknown, 410 expired or used)' })
  previewInvitation(@Param() params: InvitationTokenParam): Promise<InvitationPreview> {
    return this.invitations.preview(params.token);
  }

  @Post('invitations/accept')
  @Access('public')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation: create the account or join with an existing one, and sign in' })
  async acceptInvitation(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    return this.withCookie(response, await this.invitations.accept(body));
  }

  @Post('password-reset')
  @Access('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a reset link if the account exists; the answer never says whether it does' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.passwordResets.request(body.email);
  }

  @Post('password-reset/confirm')
  @Access('public')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordResets.confirm(body.token, body.password);
  }

  private withCookie(response: Response, session: SessionResponse): SessionResponse {
    response.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...this.cookieOptions(),
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    });
    return session;
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: '/api/auth', secure: this.config.NODE_ENV === 'production' };
  }
}
