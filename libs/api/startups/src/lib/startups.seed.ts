import type { EntityManager } from 'typeorm';

export interface StartupSeed {
  organisationId: string;
  startups: Array<{ legalName: string; siren: string; sector: string; stage: string; teamSize: number }>;
}

/** Writes (or updates) an organisation's demo startups, keyed by SIREN; returns their ids by legal name. */
export async function seedStartups(manager: EntityManager, data: StartupSeed): Promise<Map<string, string>> {
  const startupIds = new Map<string, string>();
  for (const startup of data.startups) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO startups (organisation_id, legal_name, country, siren, sector, stage, team_size) VALUES ($1, $2, 'FR', $3, $4, $5, $6)
       ON CONFLICT (organisation_id, siren) WHERE siren IS NOT NULL
       DO UPDATE SET legal_name = EXCLUDED.legal_name, sector = EXCLUDED.sector, stage = EXCLUDED.stage RETURNING id`,
      [data.organisationId, startup.legalName, startup.siren, startup.sector, startup.stage, startup.teamSize],
    );
    startupIds.set(startup.legalName, row.id);
  }
  return startupIds;
}
