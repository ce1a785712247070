import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import type { Locale, ReportKind } from '@incubator/contracts';
import { ReportFiles } from './report-files';

/** Who receives a finished report by e-mail. */
const RECIPIENT_ROLES: Record<ReportKind, string[]> = { board_pack: ['board', 'admin'], occupancy: ['manager', 'admin'] };

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
    private readonly files: ReportFiles,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async run(runId: string): Promise<void> {
    const [run] = await this.dataSource.query('SELECT id, organisation_id, kind, period, status FROM report_runs WHERE id = $1', [runId]);
    if (!run) return;
    if (run.status !== 'completed') {
      await this.dataSource.query(
        `UPDATE report_runs SET status = 'running', progress = 0, attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL WHERE id = $1`,
        [runId],
      );
      const progress = async (percent: number) => {
        await this.dataSource.query('UPDATE report_runs SET progress = $2 WHERE id = $1', [runId, percent]);
        if (this.config.REPORT_STEP_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, this.config.REPORT_STEP_DELAY_MS));
      };
      await progress(5);
      const files = await this.files.generate(run.organisation_id, run.kind, run.period, progress);
      const stored = await this.dataSource.transaction(async (manager) => {
        const [locked] = await manager.query('SELECT status FROM report_runs WHERE id = $1 FOR UPDATE', [runId]);
        if (locked.status === 'completed') return false;
        await manager.query('DELETE FROM report_files WHERE run_id = $1', [runId]);
        for (const file of files) {
          await manager.query(
            'INSERT INTO report_files (run_id, format, locale, filename, content, size_bytes) VALUES ($1, $2, $3, $4, $5, $6)',
            [runId, file.format, file.locale, file.filename, file.content, file.content.length],
          );
        }
        await manager.query(`UPDATE report_runs SET status = 'completed', progress = 100, finished_at = now(), error = NULL WHERE id = $1`, [runId]);
        return true;
      });
      if (stored) this.logger.log({ runId, kind: run.kind, period: run.period, files: files.length }, 'report run completed');
    }
    await this.deliver(runId, run.organisation_id, run.kind, run.period);
  }

  /** Records the error; on the last attempt the run is marked failed (admins see the message). */
  async failed(runId: string, error: Error, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE 'queued' END, finished_at = CASE WHEN $3 THEN now() END
       WHERE id = $1 AND status <> 'completed'`,
      [runId, error.message.slice(0, 2000), final],
    );
  }

  /**
   * One e-mail per active recipient not yet served: the mail job id is deterministic (a repeat is
   * dropped by BullMQ) and queued before the delivery row, so a crash in between sends at most once more
   * only if Redis forgot the job — never zero times.
   */
  private async deliver(runId: string, organisationId: string, kind: ReportKind, period: string): Promise<void> {
    const recipients: Array<{ id: string; email: string; locale: Locale; org: string }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.locale, o.name AS org FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
       WHERE m.organisation_id = $1 AND m.is_active AND m.role = ANY($2)
         AND NOT EXISTS (SELECT 1 FROM report_deliveries d WHERE d.run_id = $3 AND d.user_id = u.id)`,
      [organisationId, RECIPIENT_ROLES[kind], runId],
    );
    const link = kind === 'board_pack' ? `${this.config.PUBLIC_WEB_URL}/board?quarter=${period}` : `${this.config.PUBLIC_WEB_URL}/manage/reports`;
    for (const user of recipients) {
      const message = MAIL[kind][user.locale](period, user.org, link);
      await this.mail.send({ to: user.email, ...message }, `report:${runId}:${user.id}`);
      await this.dataSource.query('INSERT INTO report_deliveries (run_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [runId, user.id]);
    }
  }
}
