import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { OnboardingRepository } from './onboarding.repository';
import { OperatorOrganisationService } from './operator-organisation.service';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationService } from './organisation.service';
import { OrganisationSettingsService } from './organisation-settings.service';

const PROVIDERS = [OnboardingRepository, OrganisationRepository, OrganisationService, OrganisationProfileRepository, OrganisationSettingsService, OperatorOrganisationService];

@Module({ imports: [AuditModule], providers: PROVIDERS, exports: PROVIDERS })
export class OrganisationsModule {}
