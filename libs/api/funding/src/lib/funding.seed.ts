import type { EntityManager } from 'typeorm';
import type { InvestorKind } from '@incubator/contracts';

export interface FundingSeed {
  organisationId: string;
  /** Startup ids by legal name, as returned by `seedStartups`. */
  startupIds: ReadonlyMap<string, string>;
  investors: Array<{ name: string; kind: InvestorKind }>;
  /** Closed rounds in euros; `lead` and `investors` name investors above. */
  rounds: Array<{ startup: string; kind: string; amountEuros: number; closedOn: string; lead: string; investors: string[] }>;
}

/** The demo's investors and closed rounds (EUR), keyed by names so reseeding adds nothing; returns the investor ids by name. */
export async function seedFunding(manager: EntityManager, data: FundingSeed): Promise<Map<string, string>> {
  const { organisationId } = data;
  const investorIds = new Map<string, string>();
  for (const investor of data.investors) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO investors (organisation_id, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, lower(name)) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [organisationId, investor.name, investor.kind],
    );
    investorIds.set(investor.name, row.id);
  }
  for (const round of data.rounds) {
    const startupId = data.startupIds.get(round.startup);
    const [exists] = await manager.query<unknown[]>('SELECT 1 FROM funding_rounds WHERE startup_id = $1 AND kind = $2 AND closed_on = $3', [startupId, round.kind, round.closedOn]);
    if (exists) continue;
    const cents = String(round.amountEuros * 100);
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents, announced_on, closed_on, lead_investor_id)
       VALUES ($1, $2, $3, 'closed', 'EUR', $4, 1, $4, $5, $5, $6) RETURNING id`,
      [organisationId, startupId, round.kind, cents, round.closedOn, investorIds.get(round.lead)],
    );
    for (const name of new Set([round.lead, ...round.investors])) {
      await manager.query('INSERT INTO funding_round_investors (round_id, investor_id) VALUES ($1, $2)', [row.id, investorIds.get(name)]);
    }
  }
  return investorIds;
}
