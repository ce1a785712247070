import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BillingExportService } from '@incubator/api/billing';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { BillingQuarterSummary } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { DownloadEvent } from '../common/download-event';
import { EXPORT_CONTENT_TYPES } from '../common/export-file';
import { RateLimit } from '../common/rate-limit';
import { exportLocale } from '../common/request-locale';
import { BillingSummaryQueryDto, ExportPeriodDto, TableExportPeriodDto } from './billing-exports.dto';

/** Accounting exports (FEC, invoices and payments as CSV/XLSX) and the board's quarterly billing totals. */
@ApiTags('billing')
@Controller('billing')
export class BillingExportsController {
  constructor(private readonly exports: BillingExportService) {}

  @Get('exports/fec')
  @RateLimit('exports')
  @Access(Permission.BillingManage)
  @DownloadEvent('export.downloaded', 'fec')
  @ApiOperation({
    summary:
      'The FEC (fichier des écritures comptables, art. A47 A-1 LPF) of a period: 18 tab-separated columns, sales (VE) and bank (BQ) journals, ' +
      'one balanced entry per issued invoice, credit note and payment; named {SIREN}FEC{AAAAMMJJ}.txt',
  })
  async fec(@CurrentCaller() caller: Caller, @Query() query: ExportPeriodDto): Promise<StreamableFile> {
    const file = await this.exports.fec(caller.organisationId, query.from, query.to);
    return new StreamableFile(file.data, { type: 'text/plain; charset=utf-8', disposition: `attachment; filename="${file.fileName}"` });
  }

  @Get('exports/invoices')
  @RateLimit('exports')
  @Access(Permission.BillingManage)
  @DownloadEvent('export.downloaded', 'invoices')
  @ApiOperation({ summary: 'The invoices and credit notes issued in a period, with paid, credited and balance, as CSV or XLSX' })
  async invoices(@CurrentCaller() caller: Caller, @Query() query: TableExportPeriodDto, @Headers('accept-language') language?: string): Promise<StreamableFile> {
    const file = await this.exports.invoices(caller.organisationId, query.from, query.to, query.format, exportLocale(query.locale, language));
    return new StreamableFile(file.data, { type: EXPORT_CONTENT_TYPES[query.format], disposition: `attachment; filename="${file.fileName}"` });
  }

  @Get('exports/payments')
  @RateLimit('exports')
  @Access(Permission.BillingManage)
  @DownloadEvent('export.downloaded', 'payments')
  @ApiOperation({ summary: 'The payments received in a period as CSV or XLSX' })
  async payments(@CurrentCaller() caller: Caller, @Query() query: TableExportPeriodDto, @Headers('accept-language') language?: string): Promise<StreamableFile> {
    const file = await this.exports.payments(caller.organisationId, query.from, query.to, query.format, exportLocale(query.locale, language));
    return new StreamableFile(file.data, { type: EXPORT_CONTENT_TYPES[query.format], disposition: `attachment; filename="${file.fileName}"` });
  }

  @Get('summary')
  @Access(Permission.AggregatesRead)
  @ApiOperation({ summary: 'Per quarter: billed (issued invoices − credit notes, excl. VAT), collected (payments) and overdue at the quarter’s end — totals only' })
  summary(@CurrentCaller() caller: Caller, @Query() query: BillingSummaryQueryDto): Promise<BillingQuarterSummary[]> {
    return this.exports.summary(caller.organisationId, query.from, query.to);
  }
}
