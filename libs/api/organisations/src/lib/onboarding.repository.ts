import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ONBOARDING_STEPS, type OnboardingResponse, type OnboardingStepKey } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

interface ProgressRow {
  profile: number;
  site: number;
  building: number;
  floor: number;
  prices: number;
  programs: number;
  team: number;
  startups: number;
}

/**
 * A READ MODEL over the set-up tables of several domains (organisations, sites, buildings, floors,
 * space_prices, programs, memberships, invitations, startups): it only counts, never writes, so the
 * onboarding checklist is ticked from the data itself. Each domain still owns its table's writes.
 * Archived sites, buildings, floors and programs do not count.
 */
@Injectable()
export class OnboardingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The organisation's set-up. Profile: a legal name, and a SIREN for a French organisation. Team: staff
   * (admins, managers, board members) besides `userId`, active or invited and not yet answered.
   */
  async progress(organisationId: string, userId: string, db: Queryable = this.dataSource): Promise<OnboardingResponse> {
    const [row] = await db.query<ProgressRow[]>(
      `SELECT
         (SELECT count(*)::int FROM organisations o
          WHERE o.id = $1 AND nullif(trim(o.legal_name), '') IS NOT NULL AND (o.siren IS NOT NULL OR o.country <> 'FR')) AS profile,
         (SELECT count(*)::int FROM sites s WHERE s.organisation_id = $1 AND s.archived_at IS NULL) AS site,
         (SELECT count(*)::int FROM buildings b JOIN sites s ON s.id = b.site_id
          WHERE b.organisation_id = $1 AND b.archived_at IS NULL AND s.archived_at IS NULL) AS building,
         (SELECT count(*)::int FROM floors f JOIN buildings b ON b.id = f.building_id JOIN sites s ON s.id = b.site_id
          WHERE f.organisation_id = $1 AND f.archived_at IS NULL AND b.archived_at IS NULL AND s.archived_at IS NULL) AS floor,
         (SELECT count(*)::int FROM space_prices p JOIN sites s ON s.id = p.site_id WHERE p.organisation_id = $1 AND s.archived_at IS NULL) AS prices,
         (SELECT count(*)::int FROM programs p WHERE p.organisation_id = $1 AND p.archived_at IS NULL) AS programs,
         (SELECT count(*)::int FROM memberships m
          WHERE m.organisation_id = $1 AND m.is_active AND m.role IN ('admin', 'manager', 'board') AND m.user_id <> $2)
         + (SELECT count(*)::int FROM invitations i
            WHERE i.organisation_id = $1 AND i.role IN ('admin', 'manager', 'board')
              AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS team,
         (SELECT count(*)::int FROM startups st WHERE st.organisation_id = $1) AS startups`,
      [organisationId, userId],
    );
    return toProgress(row);
  }
}

function toProgress(row: ProgressRow): OnboardingResponse {
  const steps = ONBOARDING_STEPS.map((key: OnboardingStepKey) => ({ key, done: row[key] > 0, count: row[key] }));
  const doneCount = steps.filter((step) => step.done).length;
  return { steps, doneCount, complete: doneCount === steps.length };
}
