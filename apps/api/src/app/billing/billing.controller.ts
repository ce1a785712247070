import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BillingSettingsService, ChargeService, CreditNoteService, CustomerService, InvoiceService, RunService, type StoredCharge } from '@incubator/api/billing';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { BillingCustomer, BillingCustomerListItem, BillingRun, BillingSettings, InvoiceDetail, InvoiceSummary, PageResponse, SepaMandate } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { BillingCustomerDto, BillingSettingsDto, ChargeQueryDto, CreateChargeDto, CreateCreditNoteDto, CreateMandateDto, CreateRunDto, InvoiceQueryDto, StartupIdParam } from './billing.dto';

/** A startup member reads only their own startup's billing (its profile, its issued documents). */
const reader = (caller: Caller) => ({ organisationId: caller.organisationId, startupId: caller.role === 'startup' ? (caller.startupId ?? '00000000-0000-0000-0000-000000000000') : null });

/** Billing the tenants: seller settings, customers and mandates, charges, monthly runs, invoices and credit notes. */
@ApiTags('billing')
@Controller('billing')
export class BillingController {
  constructor(
    private readonly settings: BillingSettingsService,
    private readonly customers: CustomerService,
    private readonly charges: ChargeService,
    private readonly runs: RunService,
    private readonly invoices: InvoiceService,
    private readonly creditNotes: CreditNoteService,
  ) {}

  @Get('settings')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'The seller’s billing settings (the migration’s defaults until saved); its legal identity is the organisation’s' })
  getSettings(@CurrentCaller() caller: Caller): Promise<BillingSettings> {
    return this.settings.get(caller.organisationId);
  }

  @Put('settings')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Save the billing settings: IBAN/BIC and SEPA creditor id checked, prefixes, terms, VAT, late-payment mentions' })
  putSettings(@CurrentCaller() caller: Caller, @Body() body: BillingSettingsDto): Promise<BillingSettings> {
    return this.settings.update(caller, body);
  }

  @Get('customers')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Every startup with its billing profile, or null when it has none yet' })
  listCustomers(@CurrentCaller() caller: Caller): Promise<BillingCustomerListItem[]> {
    return this.customers.list(caller.organisationId);
  }

  @Get('customers/:startupId')
  @Access(Permission.BillingRead)
  @ApiOperation({ summary: 'A startup’s billing profile (a startup member: their own only)' })
  @ApiNotFoundResponse({ description: 'No such startup, or no profile yet' })
  getCustomer(@CurrentCaller() caller: Caller, @Param() params: StartupIdParam): Promise<BillingCustomer> {
    return this.customers.get(reader(caller), params.startupId);
  }

  @Put('customers/:startupId')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Create or replace a startup’s billing profile; direct debit needs an active mandate' })
  putCustomer(@CurrentCaller() caller: Caller, @Param() params: StartupIdParam, @Body() body: BillingCustomerDto): Promise<BillingCustomer> {
    return this.customers.update(caller, params.startupId, body);
  }

  @Post('customers/:startupId/mandates')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Record a signed SEPA mandate (unique reference, one active per startup)' })
  @ApiConflictResponse({ description: 'Reference taken, or an active mandate exists' })
  createMandate(@CurrentCaller() caller: Caller, @Param() params: StartupIdParam, @Body() body: CreateMandateDto): Promise<SepaMandate> {
    return this.customers.createMandate(caller, params.startupId, body);
  }

  @Post('mandates/:id/revoke')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke a mandate today; a customer paying by direct debit goes back to transfer' })
  revokeMandate(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<SepaMandate> {
    return this.customers.revokeMandate(caller, params.id);
  }

  @Get('charges')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'One-off charges, deposits and discounts, newest first' })
  listCharges(@CurrentCaller() caller: Caller, @Query() query: ChargeQueryDto): Promise<StoredCharge[]> {
    return this.charges.list(caller.organisationId, { startupId: query.startupId, pending: query.pending === undefined ? undefined : query.pending === 'true' });
  }

  @Post('charges')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Add a charge the next run bills (deposits and refunds name their lease)' })
  createCharge(@CurrentCaller() caller: Caller, @Body() body: CreateChargeDto): Promise<StoredCharge> {
    return this.charges.create(caller, body);
  }

  @Delete('charges/:id')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a charge while it is unbilled' })
  @ApiConflictResponse({ description: 'Already billed' })
  async deleteCharge(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    await this.charges.delete(caller, params.id);
  }

  @Get('runs')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Billing runs, newest month first, with their progress' })
  listRuns(@CurrentCaller() caller: Caller): Promise<BillingRun[]> {
    return this.runs.list(caller.organisationId);
  }

  @Post('runs')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Start the month’s billing run (one per month): the worker drafts the invoices' })
  @ApiConflictResponse({ description: 'billing.run_exists, with the run id' })
  createRun(@CurrentCaller() caller: Caller, @Body() body: CreateRunDto): Promise<BillingRun> {
    return this.runs.create(caller, body.month);
  }

  @Get('runs/:id')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'A billing run and its progress' })
  getRun(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<BillingRun> {
    return this.runs.get(caller.organisationId, params.id);
  }

  @Post('runs/:id/issue')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Issue the run’s drafts: the worker numbers, freezes and mails each' })
  issueRun(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<BillingRun> {
    return this.runs.requestIssue(caller, params.id);
  }

  @Get('invoices')
  @Access(Permission.BillingRead)
  @ApiOperation({ summary: 'Invoices and credit notes (a startup member: their own issued ones)' })
  listInvoices(@CurrentCaller() caller: Caller, @Query() query: InvoiceQueryDto): Promise<PageResponse<InvoiceSummary>> {
    return this.invoices.list(reader(caller), query);
  }

  @Get('invoices/:id')
  @Access(Permission.BillingRead)
  @ApiOperation({ summary: 'An invoice with its lines, payments and credit notes' })
  getInvoice(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<InvoiceDetail> {
    return this.invoices.detail(reader(caller), params.id);
  }

  @Get('invoices/:id/pdf')
  @Access(Permission.BillingRead)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The Factur-X PDF/A-3 of an issued document (XML embedded), made from its frozen data' })
  async pdf(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<StreamableFile> {
    const { number, data } = await this.invoices.pdf(reader(caller), params.id);
    return new StreamableFile(data, { type: 'application/pdf', length: data.length, disposition: `attachment; filename="${number}.pdf"` });
  }

  @Get('invoices/:id/xml')
  @Access(Permission.BillingRead)
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The CII XML (EN 16931) of an issued document, for an approved platform' })
  async xml(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<StreamableFile> {
    const { number, data } = await this.invoices.xml(reader(caller), params.id);
    const bytes = Buffer.from(data, 'utf8');
    return new StreamableFile(bytes, { type: 'application/xml', length: bytes.length, disposition: `attachment; filename="${number}.xml"` });
  }

  @Post('invoices/:id/cancel')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a draft (it consumes no number; its charges go back to pending)' })
  cancel(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<InvoiceDetail> {
    return this.invoices.cancel(caller, params.id);
  }

  @Post('invoices/:id/issue')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Issue one draft: next number of the series, frozen parties, mailed once' })
  issue(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<InvoiceDetail> {
    return this.invoices.issueOne(caller, params.id);
  }

  @Post('invoices/:id/credit-notes')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Credit an issued invoice, whole or per line (never more than remains): an issued credit note' })
  creditNote(@CurrentCaller() caller: Caller, @Param() params: IdParam, @Body() body: CreateCreditNoteDto): Promise<InvoiceDetail> {
    return this.creditNotes.create(caller, params.id, body);
  }
}
