import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { OnboardingRepository } from '@incubator/api/organisations';
import { Permission, type OnboardingResponse } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';

@ApiTags('onboarding')
@Controller('onboarding')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingRepository) {}

  @Get()
  @Access(Permission.OrganisationManage)
  @ApiOperation({
    summary: 'The set-up checklist: profile → site → building → floor → prices → programs → team → startups, each ticked from the data',
  })
  progress(@CurrentCaller() caller: Caller): Promise<OnboardingResponse> {
    return this.onboarding.progress(caller.organisationId, caller.userId);
  }
}
