import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '@incubator/api/identity';
import { ContactService, StartupErrors, StartupImportService, startupImportRefused } from '@incubator/api/startups';
import { Permission } from '@incubator/contracts';
import type { StartupContactResponse, StartupImportResult } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { RateLimit } from '../common/rate-limit';
import { requestLocale } from '../common/request-locale';
import { CreateStartupContactDto, StartupContactParams, StartupImportQueryDto, UpdateStartupContactDto } from './startup-contact.dto';

@ApiTags('startups')
@Controller('startups')
export class StartupContactsController {
  constructor(
    private readonly imports: StartupImportService,
    private readonly contacts: ContactService,
  ) {}

  @Post('import')
  @RateLimit('imports')
  @Access(Permission.StartupsManage)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import startups from CSV (UTF-8, `;` or `,`) or XLSX, French or English headers, at most 2 MB and 5,000 lines. Dry run: check and list every bad line. ' +
      'Otherwise every startup is written, or none (422 listing the bad lines); invite=true invites each contact e-mail as a member of its startup.',
  })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBody({ schema: { type: 'string', example: 'Raison sociale;SIREN;Secteur;Stade;Date de création;Effectif;Contact nom;Contact e-mail\nCanopée Data;732829320;Greentech;MVP;15/03/2023;4;Léa Martin;lea@canopee.test' } })
  async import(
    @CurrentCaller() caller: Caller,
    @Query() query: StartupImportQueryDto,
    @Body() body: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StartupImportResult> {
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) throw StartupErrors.import_file_required();
    const result = await this.imports.import(caller, body, { dryRun: query.dryRun, invite: query.invite, locale: requestLocale(acceptLanguage) });
    if (result.errors.length && !query.dryRun) throw startupImportRefused(result);
    return result;
  }

  @Get(':id/contacts')
  @Access(Permission.StartupsRead)
  @ApiOperation({ summary: 'The contacts on a startup’s profile (a startup member: their own startup’s)' })
  list(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<StartupContactResponse[]> {
    return this.contacts.list(caller, params.id);
  }

  @Post(':id/contacts')
  @Access(Permission.StartupsManage)
  @ApiOperation({ summary: 'Add a contact (name, role, e-mail, phone in international form; audited)' })
  create(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: CreateStartupContactDto): Promise<StartupContactResponse> {
    return this.contacts.create(caller, params.id, body);
  }

  @Patch(':id/contacts/:contactId')
  @Access(Permission.StartupsManage)
  @ApiOperation({ summary: 'Edit a contact (null clears role, e-mail or phone; audited)' })
  update(@CurrentCaller() caller: Caller, @Param() params: StartupContactParams, @Body() body: UpdateStartupContactDto): Promise<StartupContactResponse> {
    return this.contacts.update(caller, params.id, params.contactId, body);
  }

  @Delete(':id/contacts/:contactId')
  @Access(Permission.StartupsManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact (audited)' })
  async remove(@CurrentCaller() caller: Caller, @Param() params: StartupContactParams): Promise<void> {
    await this.contacts.delete(caller, params.id, params.contactId);
  }
}
