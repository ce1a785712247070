import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { OrganisationService, OrganisationSettingsService } from '@incubator/api/organisations';
import { Permission } from '@incubator/contracts';
import type { OrganisationResponse, OrganisationSettings } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { UpdateOrganisationSettingsDto, UploadLogoDto } from './organisation.dto';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly settings: OrganisationSettingsService,
  ) {}

  @Get()
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'The caller’s organisation and its sites' })
  get(@CurrentCaller() caller: Caller): Promise<OrganisationResponse> {
    return this.organisations.get(caller.organisationId);
  }

  @Get('settings')
  @Access(Permission.OrganisationManage)
  @ApiOperation({ summary: 'The organisation’s legal identity and settings' })
  getSettings(@CurrentCaller() caller: Caller): Promise<OrganisationSettings> {
    return this.settings.get(caller.organisationId);
  }

  @Put('settings')
  @Access(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Replace the organisation’s legal identity and settings (not its slug)' })
  updateSettings(@CurrentCaller() caller: Caller, @Body() body: UpdateOrganisationSettingsDto): Promise<OrganisationSettings> {
    return this.settings.update(caller, body);
  }

  @Get('logo')
  @Access(Permission.OrganisationRead)
  @ApiOperation({ summary: 'The organisation’s logo (PNG or JPEG)' })
  async logo(@CurrentCaller() caller: Caller): Promise<StreamableFile> {
    const logo = await this.settings.logo(caller.organisationId);
    return new StreamableFile(logo.data, { type: logo.contentType, length: logo.data.length });
  }

  @Put('logo')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Upload the logo (PNG or JPEG, at most 512 kB, base64 in JSON)' })
  putLogo(@CurrentCaller() caller: Caller, @Body() body: UploadLogoDto): Promise<void> {
    return this.settings.putLogo(caller, body.contentType, body.data);
  }

  @Delete('logo')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Remove the logo' })
  deleteLogo(@CurrentCaller() caller: Caller): Promise<void> {
    return this.settings.deleteLogo(caller);
  }
}
