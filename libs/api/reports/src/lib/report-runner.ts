import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { MemberDirectory } from '@incubator/api/identity';
import { MailService } from '@incubator/api/mail';
import type { ReportKind, Role } from '@incubator/contracts';
import { BoardQuarterRepository } from './board-quarter.repository';
import { ReportFiles } from './report-files';
import { ReportRunRepository } from './report-run.repository';

/** Who receives a finished report by e-mail. */
const RECIPIENT_ROLES: Record<ReportKind, Role[]> = { board_pack: ['board', 'admin'], occupancy: ['manager', 'admin'] };

const MAIL = {
  board_pack: {
    fr: (period: string, org: string, link: string) => ({
      subject: `Rapport au conseil ${period.replace('-Q', ' – T')} disponible`,
      text: `Bonjour,\n\nLe rapport au conseil du trimestre ${period} de ${org} est prêt (PDF et XLSX).\nTéléchargez-le depuis le tableau de bord : ${link}\n`,
    }),
    en: (period: string, org: string, link: string) => ({
      subject: `Board pack ${period} is ready`,
      text: `Hello,\n\nThe board pack of ${org} for ${period} is ready (PDF and XLSX).\nDownload it from the dashboard: ${link}\n`,
    }),
  },
  occupancy: {
    fr: (period: string, org: string, link: string) => ({
      subject: `Occupation et loyers ${period} disponibles`,
      text: `Bonjour,\n\nLe rapport d’occupation et l’état des loyers de ${period} (${org}) sont prêts.\nTéléchargez-les ici : ${link}\n`,
    }),
    en: (period: string, org: string, link: string) => ({
      subject: `Occupancy and rent roll ${period} are ready`,
      text: `Hello,\n\nThe occupancy report and rent roll of ${org} for ${period} are ready.\nDownload them here: ${link}\n`,
    }),
  },
};

/**
 * Executes one report run in the worker: status and progress in the run record, the files produced
 * in memory and stored in one transaction with the "completed" status (a run killed midway stores
 * nothing, and a rerun after a kill or a retry stores its files exactly once), then one e-mail per
 * recipient, in their language, deduplicated by a delivery row and a deterministic mail job id.
 */
@Injectable()
export class ReportRunner {
  private readonly logger = new Logger(ReportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReportRunRepository,
    private readonly files: ReportFiles,
    private readonly members: MemberDirectory,
    private readonly organisations: BoardQuarterRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async run(runId: string): Promise<void> {
    const run = await this.runs.record(runId);
    if (!run) return;
    if (run.status !== 'completed') {
      await this.runs.markRunning(runId);
      const progress = async (percent: number) => {
        await this.runs.setProgress(runId, percent);
        if (this.config.REPORT_STEP_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, this.config.REPORT_STEP_DELAY_MS));
      };
      await progress(5);
      const files = await this.files.generate(run.organisationId, run.kind, run.period, progress);
      const stored = await this.dataSource.transaction(async (manager) => {
        if ((await this.runs.lockStatus(manager, runId)) === 'completed') return false;
        await this.runs.complete(manager, runId, files);
        return true;
      });
      if (stored) this.logger.log({ runId, kind: run.kind, period: run.period, files: files.length }, 'report run completed');
    }
    await this.deliver(runId, run.organisationId, run.kind, run.period);
  }

  /** Records the error; on the last attempt the run is marked failed (admins see the message). */
  async failed(runId: string, error: Error, final: boolean): Promise<void> {
    await this.runs.fail(runId, error.message.slice(0, 2000), final);
  }

  /**
   * One e-mail per active recipient not yet served: the mail job id is deterministic (a repeat is
   * dropped by BullMQ) and queued before the delivery row, so a crash in between sends at most once more
   * only if Redis forgot the job — never zero times.
   */
  private async deliver(runId: string, organisationId: string, kind: ReportKind, period: string): Promise<void> {
    const served = await this.runs.deliveredTo(runId);
    const recipients = (await this.members.activeMembers(organisationId, { roles: RECIPIENT_ROLES[kind] })).filter((member) => !served.has(member.userId));
    if (!recipients.length) return;
    const { name: org } = await this.organisations.organisation(organisationId);
    const link = kind === 'board_pack' ? `${this.config.PUBLIC_WEB_URL}/board?quarter=${period}` : `${this.config.PUBLIC_WEB_URL}/manage/reports`;
    for (const user of recipients) {
      const message = MAIL[kind][user.locale](period, org, link);
      await this.mail.send({ to: user.email, ...message }, `report:${runId}:${user.userId}`);
      await this.runs.recordDelivery(runId, user.userId);
    }
  }
}
