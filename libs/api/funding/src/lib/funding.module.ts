import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { FundingRoundRepository } from './funding-round.repository';
import { FundingRoundService } from './funding-round.service';
import { InvestorRepository } from './investor.repository';
import { InvestorService } from './investor.service';

@Module({
  imports: [AuditModule],
  providers: [FundingRoundRepository, InvestorRepository, FundingRoundService, InvestorService],
  exports: [FundingRoundRepository, InvestorRepository, FundingRoundService, InvestorService],
})
export class FundingModule {}
