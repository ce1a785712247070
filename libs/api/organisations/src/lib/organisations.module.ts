import { Module } from '@nestjs/common';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationService } from './organisation.service';

@Module({ providers: [OrganisationRepository, OrganisationService], exports: [OrganisationRepository, OrganisationService] })
export class OrganisationsModule {}
