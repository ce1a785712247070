import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { FundingRoundService } from './funding-round.service';
import { InvestorService } from './investor.service';

@Module({
  imports: [AuditModule],
  providers: [FundingRoundService, InvestorService],
  exports: [FundingRoundService, InvestorService],
})
export class FundingModule {}
