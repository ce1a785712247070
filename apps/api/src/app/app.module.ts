import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationsModule } from '@incubator/api/applications';
import { AuditModule } from '@incubator/api/audit';
import { BillingModule, PaymentsModule } from '@incubator/api/billing';
import { ConfigModule } from '@incubator/api/config';
import { DatabaseModule } from '@incubator/api/database';
import { FundingModule } from '@incubator/api/funding';
import { IdentityModule } from '@incubator/api/identity';
import { KpisModule } from '@incubator/api/kpis';
import { OrganisationsModule } from '@incubator/api/organisations';
import { ProgramsModule } from '@incubator/api/programs';
import { QueuesModule } from '@incubator/api/queues';
import { ReportsModule } from '@incubator/api/reports';
import { SpaceModule } from '@incubator/api/space';
import { StartupsModule } from '@incubator/api/startups';
import { SystemModule } from '@incubator/api/system';
import { ApplicationsController } from './applications/applications.controller';
import { CallsController } from './applications/calls.controller';
import { PublicApplicationsController } from './applications/public-applications.controller';
import { ReviewsController } from './applications/reviews.controller';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { AccountController } from './auth/account.controller';
import { AuthController } from './auth/auth.controller';
import { EnrollmentsController } from './enrollments/enrollments.controller';
import { FundingController } from './funding/funding.controller';
import { BillingController } from './billing/billing.controller';
import { BillingExportsController } from './billing/billing-exports.controller';
import { PaymentsController } from './billing/payments.controller';
import { HealthModule } from './health/health.module';
import { InvitationsController } from './invitations/invitations.controller';
import { KpisController } from './kpis/kpis.controller';
import { loggingModule } from './logging';
import { RateLimitModule } from './common/rate-limit';
import { MilestonesController } from './milestones/milestones.controller';
import { OnboardingController } from './onboarding/onboarding.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { OperatorOrganisationsController } from './operator-organisations/operator-organisations.controller';
import { ProgramsController } from './programs/programs.controller';
import { QueuesController } from './reports/queues.controller';
import { ReportsController } from './reports/reports.controller';
import { SpaceController } from './space/space.controller';
import { LeaseOfficeController } from './space/lease-office.controller';
import { SpaceSetupController } from './space/space-setup.controller';
import { PriceListsController } from './space/price-lists.controller';
import { SecurityEventsController } from './security-events/security-events.controller';
import { StartupContactsController } from './startups/startup-contacts.controller';
import { StartupsController } from './startups/startups.controller';
import { HeartbeatController } from './system/heartbeat.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [
    ConfigModule,
    loggingModule,
    RateLimitModule,
    DatabaseModule,
    QueuesModule,
    HealthModule,
    SystemModule,
    IdentityModule,
    AuditModule,
    OrganisationsModule,
    StartupsModule,
    ProgramsModule,
    SpaceModule,
    FundingModule,
    KpisModule,
    ReportsModule,
    BillingModule,
    PaymentsModule,
    ApplicationsModule,
  ],
  controllers: [
    AuthController,
    CallsController,
    ApplicationsController,
    ReviewsController,
    PublicApplicationsController,
    AccountController,
    UsersController,
    InvitationsController,
    StartupsController,
    StartupContactsController,
    ProgramsController,
    EnrollmentsController,
    MilestonesController,
    SpaceController,
    LeaseOfficeController,
    SpaceSetupController,
    PriceListsController,
    FundingController,
    KpisController,
    ReportsController,
    QueuesController,
    OrganisationController,
    OnboardingController,
    OperatorOrganisationsController,
    AuditController,
    SecurityEventsController,
    HeartbeatController,
    BillingController,
    PaymentsController,
    BillingExportsController,
  ],
  // Deny by default: every route passes the access guard, which refuses routes without a declaration.
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class AppModule {}
