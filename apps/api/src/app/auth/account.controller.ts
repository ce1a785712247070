import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { MfaService, SessionsService } from '@incubator/api/identity';
import type { AnyCaller, Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { MfaEnrolmentResponse, MfaPolicy, MfaRecoveryCodesResponse, MfaStatusResponse, SessionSummary } from '@incubator/contracts';
import { IdParam } from '../common/dto';
import { Access } from './access.decorator';
import { ChangePasswordDto, MfaConfirmDto, MfaDisableDto, MfaPolicyDto } from './auth.dto';
import { CurrentAccount, CurrentCaller } from './caller.decorator';
import { clientContext } from './client-context';

/**
 * The signed-in user's own account: password, sessions ("my sessions") and the second factor, plus
 * the organisation's MFA policy for its admins. Password and sessions are the platform operator's
 * too (`account`); MFA hangs on a membership (the policy is an organisation's), so it is members only.
 */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly mfa: MfaService,
  ) {}

  @Post('password')
  @Access('account')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change the password (current one required); signs out every other session' })
  async changePassword(@CurrentAccount() caller: AnyCaller, @Body() body: ChangePasswordDto, @Req() request: Request): Promise<void> {
    await this.sessions.changePassword(caller, body.currentPassword, body.newPassword, clientContext(request));
  }

  @Get('sessions')
  @Access('account')
  @ApiOperation({ summary: 'My live sessions: opened when, last used when, from which browser and address' })
  listSessions(@CurrentAccount() caller: AnyCaller): Promise<SessionSummary[]> {
    return this.sessions.list(caller);
  }

  @Post('sessions/revoke-others')
  @Access('account')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out every session but this one' })
  async revokeOtherSessions(@CurrentAccount() caller: AnyCaller, @Req() request: Request): Promise<void> {
    await this.sessions.revokeOthers(caller, clientContext(request));
  }

  @Delete('sessions/:id')
  @Access('account')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out one of my sessions (404 for anyone else’s)' })
  async revokeSession(@CurrentAccount() caller: AnyCaller, @Param() params: IdParam, @Req() request: Request): Promise<void> {
    await this.sessions.revoke(caller, params.id, clientContext(request));
  }

  @Get('mfa')
  @Access('signed-in')
  @ApiOperation({ summary: 'Whether MFA is on, required by the organisation, and how many recovery codes are left' })
  mfaStatus(@CurrentCaller() caller: Caller): Promise<MfaStatusResponse> {
    return this.mfa.status(caller);
  }

  @Post('mfa/enrol')
  @Access('signed-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start enrolling: a new secret, its otpauth URI and QR code (409 when MFA is already on)' })
  startEnrolment(@CurrentCaller() caller: Caller): Promise<MfaEnrolmentResponse> {
    return this.mfa.startEnrolment(caller.userId);
  }

  @Post('mfa/confirm')
  @Access('signed-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm the enrolment with a code of the app; answers the 10 recovery codes, once' })
  async confirmEnrolment(@CurrentCaller() caller: Caller, @Body() body: MfaConfirmDto, @Req() request: Request): Promise<MfaRecoveryCodesResponse> {
    return { recoveryCodes: await this.mfa.confirmEnrolment(caller.userId, caller.organisationId, body.code, clientContext(request)) };
  }

  @Post('mfa/disable')
  @Access('signed-in')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Turn MFA off with the password and a code (409 where the organisation requires it)' })
  async disable(@CurrentCaller() caller: Caller, @Body() body: MfaDisableDto, @Req() request: Request): Promise<void> {
    await this.mfa.disable(caller, body.password, body.code, clientContext(request));
  }

  @Get('mfa-policy')
  @Access(Permission.UsersManage)
  @ApiOperation({ summary: 'Which roles of the organisation must use MFA' })
  policy(@CurrentCaller() caller: Caller): Promise<MfaPolicy> {
    return this.mfa.policy(caller.organisationId);
  }

  @Put('mfa-policy')
  @Access(Permission.UsersManage)
  @ApiOperation({ summary: 'Require MFA of admins and/or managers; their sessions without MFA then serve only to enrol' })
  setPolicy(@CurrentCaller() caller: Caller, @Body() body: MfaPolicyDto): Promise<MfaPolicy> {
    return this.mfa.setPolicy(caller, body);
  }
}
