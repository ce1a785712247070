import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PaymentService } from '@incubator/api/billing';
import type { Caller } from '@incubator/api/identity';
import { Permission } from '@incubator/contracts';
import type { BankStatementImportResult, Payment } from '@incubator/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentCaller } from '../auth/caller.decorator';
import { IdParam } from '../common/dto';
import { DirectDebitBatchDto, PaymentQueryDto, RecordPaymentDto } from './payments.dto';

/** Payments against issued invoices, bank statement imports and SEPA direct-debit batches. */
@ApiTags('billing')
@Controller('billing')
export class PaymentsController {
  constructor(private readonly payments: PaymentService) {}

  @Get('payments')
  @Access(Permission.BillingRead)
  @ApiOperation({ summary: 'Payments, newest first (a startup member: their own startup’s only); dates inclusive' })
  list(@CurrentCaller() caller: Caller, @Query() query: PaymentQueryDto): Promise<Payment[]> {
    return this.payments.list(caller, query);
  }

  @Post('payments')
  @Access(Permission.BillingManage)
  @ApiOperation({ summary: 'Record a payment (partial ones too) against an issued invoice; never more than its balance' })
  @ApiUnprocessableEntityResponse({ description: 'payment.exceeds_balance (with the balance) or payment.invoice_not_payable' })
  record(@CurrentCaller() caller: Caller, @Body() body: RecordPaymentDto): Promise<Payment> {
    return this.payments.record(caller, body);
  }

  @Delete('payments/:id')
  @Access(Permission.BillingManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a mistaken payment (audited); the invoice’s balance comes back' })
  @ApiNotFoundResponse({ description: 'No such payment in this organisation' })
  async remove(@CurrentCaller() caller: Caller, @Param() params: IdParam): Promise<void> {
    await this.payments.remove(caller, params.id);
  }

  @Post('bank-statements')
  @Access(Permission.BillingManage)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a CAMT.053 bank statement (XML, at most 2 MB): each booked credit entry naming an issued invoice (remittance or end-to-end id), ' +
      'for at most its balance, becomes a payment; an entry already imported adds nothing. No DTD or entity is read.',
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', example: '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>…</BkToCstmrStmt></Document>' } })
  importStatement(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<BankStatementImportResult> {
    return this.payments.importStatement(caller, body);
  }

  @Post('direct-debits')
  @Access(Permission.BillingManage)
  @HttpCode(200)
  @ApiProduces('application/xml')
  @ApiOperation({
    summary:
      'Download the SEPA direct-debit batch (pain.008.001.02) collecting, on the date, every issued invoice due by then of the customers paying by direct debit with an active mandate',
  })
  @ApiUnprocessableEntityResponse({ description: 'No IBAN or creditor identifier, nothing due, or a past date' })
  async directDebits(@CurrentCaller() caller: Caller, @Body() body: DirectDebitBatchDto): Promise<StreamableFile> {
    const file = await this.payments.directDebitBatch(caller, body.collectionDate);
    return new StreamableFile(Buffer.from(file.xml, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: `attachment; filename="${file.fileName}"` });
  }
}
