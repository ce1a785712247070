import { CreateOrganisationsAndSites1763769600000 } from './1763769600000-create-organisations-and-sites';
import { CreateHeartbeats1763769700000 } from './1763769700000-create-heartbeats';
import { CreateIdentity1763769800000 } from './1763769800000-create-identity';
import { CreatePrograms1763769900000 } from './1763769900000-create-programs';
import { CreateSpace1763770000000 } from './1763770000000-create-space';
import { CreateWaitlist1763770100000 } from './1763770100000-create-waitlist';
import { CreateFundingAndKpis1763770200000 } from './1763770200000-create-funding-and-kpis';
import { CreateReports1763770300000 } from './1763770300000-create-reports';
import { ScheduleWaitlistExpiry1763770400000 } from './1763770400000-schedule-waitlist-expiry';
import { SpaceVersion1763770500000 } from './1763770500000-space-version';
import { SpaceVersionStartupNames1763770600000 } from './1763770600000-space-version-startup-names';
import { DirectoryVersion1763770700000 } from './1763770700000-directory-version';
import { TenantForeignKeys1763770900000 } from './1763770900000-tenant-foreign-keys';
import { SecurityEvents1763771000000 } from './1763771000000-security-events';
import { PlatformOperators1763771100000 } from './1763771100000-platform-operators';
import { SessionsMfa1763771200000 } from './1763771200000-sessions-mfa';
import { BoardDisclosure1763771300000 } from './1763771300000-board-disclosure';
import { AuditAppendOnly1763771400000 } from './1763771400000-audit-append-only';
import { OrganisationProfile1763771500000 } from './1763771500000-organisation-profile';
import { SpaceSetup1763771600000 } from './1763771600000-space-setup';
import { DatedPricesAndLeaseTermination1763771700000 } from './1763771700000-dated-prices-and-lease-termination';
import { StartupContacts1763771800000 } from './1763771800000-startup-contacts';
import { ProgramArchive1763771900000 } from './1763771900000-program-archive';
import { Billing1763772000000 } from './1763772000000-billing';
import { BillingChargeExemption1763772100000 } from './1763772100000-billing-charge-exemption';
import { BillingReminders1763772200000 } from './1763772200000-billing-reminders';
import { Applications1763772500000 } from './1763772500000-applications';
import { KpiRollups1763773000000 } from './1763773000000-kpi-rollups';
import { KpiQuarterRollups1763774000000 } from './1763774000000-kpi-quarter-rollups';
import { FiguresVersion1763774100000 } from './1763774100000-figures-version';
import { KpiReportsDone1763774200000 } from './1763774200000-kpi-reports-done';
import { LongTermTargets1763774500000 } from './1763774500000-long-term-targets';
import { BoardCellFigures1763774600000 } from './1763774600000-board-cell-figures';
import { BoardSeatFigures1763774700000 } from './1763774700000-board-seat-figures';
import { BoardFirstDayIndexes1763774800000 } from './1763774800000-board-first-day-indexes';
import { BoardFoundedFigures1763774900000 } from './1763774900000-board-founded-figures';
import { BoardRoundFigures1763775000000 } from './1763775000000-board-round-figures';
import { BoardYearToDateIndexes1763775100000 } from './1763775100000-board-year-to-date-indexes';
import { StartupActivity1763775200000 } from './1763775200000-startup-activity';
import { StartupFirstCohorts1763775300000 } from './1763775300000-startup-first-cohorts';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the bundled api runs exactly the
 * migrations the CLI runs. Never edit a migration once it has landed; add a new one.
 */
export const MIGRATIONS = [
  CreateOrganisationsAndSites1763769600000,
  CreateHeartbeats1763769700000,
  CreateIdentity1763769800000,
  CreatePrograms1763769900000,
  CreateSpace1763770000000,
  CreateWaitlist1763770100000,
  CreateFundingAndKpis1763770200000,
  CreateReports1763770300000,
  ScheduleWaitlistExpiry1763770400000,
  SpaceVersion1763770500000,
  SpaceVersionStartupNames1763770600000,
  DirectoryVersion1763770700000,
  TenantForeignKeys1763770900000,
  SecurityEvents1763771000000,
  PlatformOperators1763771100000,
  SessionsMfa1763771200000,
  BoardDisclosure1763771300000,
  AuditAppendOnly1763771400000,
  OrganisationProfile1763771500000,
  SpaceSetup1763771600000,
  DatedPricesAndLeaseTermination1763771700000,
  StartupContacts1763771800000,
  ProgramArchive1763771900000,
  Billing1763772000000,
  BillingChargeExemption1763772100000,
  BillingReminders1763772200000,
  Applications1763772500000,
  KpiRollups1763773000000,
  KpiQuarterRollups1763774000000,
  FiguresVersion1763774100000,
  KpiReportsDone1763774200000,
  LongTermTargets1763774500000,
  BoardCellFigures1763774600000,
  BoardSeatFigures1763774700000,
  BoardFirstDayIndexes1763774800000,
  BoardFoundedFigures1763774900000,
  BoardRoundFigures1763775000000,
  BoardYearToDateIndexes1763775100000,
  StartupActivity1763775200000,
  StartupFirstCohorts1763775300000,
];
