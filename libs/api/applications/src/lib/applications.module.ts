import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { IdentityModule } from '@incubator/api/identity';
import { MailModule } from '@incubator/api/mail';
import { ProgramsModule } from '@incubator/api/programs';
import { StartupsModule } from '@incubator/api/startups';
import { DatabaseFileStorage } from './application-file-blob.repository';
import { APPLICATION_FILE_STORAGE } from './application-file-storage';
import { ApplicationRepository } from './application.repository';
import { CallRepository } from './call.repository';
import { CallService } from './call.service';
import { PublicApplicationService } from './public-application.service';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { SelectionService } from './selection.service';

/**
 * Calls for applications and selection. Files are stored through ApplicationFileStorage: the database
 * implementation by default (see application-file-storage.ts for the S3-compatible option).
 */
@Module({
  imports: [AuditModule, IdentityModule, MailModule, StartupsModule, ProgramsModule],
  providers: [
    CallRepository,
    ApplicationRepository,
    ReviewRepository,
    { provide: APPLICATION_FILE_STORAGE, useClass: DatabaseFileStorage },
    CallService,
    PublicApplicationService,
    ReviewService,
    SelectionService,
  ],
  exports: [CallService, PublicApplicationService, ReviewService, SelectionService, ApplicationRepository],
})
export class ApplicationsModule {}
