import type { DataSource } from 'typeorm';
import { FundingRoundRepository } from './funding-round.repository';

const row = {
  id: 'r1',
  organisation_id: 'o1',
  startup_id: 's1',
  startup_name: 'Canopée Data SAS',
  kind: 'seed',
  status: 'closed',
  currency: 'USD',
  amount_minor: '100050',
  eur_rate: '0.92000000',
  amount_eur_cents: '92046',
  announced_on: null,
  closed_on: '2025-03-10',
  lead_investor_id: null,
  pre_money_minor: '800000000',
  investors: [],
  updated_at: new Date('2025-03-11T08:00:00Z'),
};

describe('FundingRoundRepository', () => {
  const repository = (rows: unknown[]) => {
    const query = jest.fn().mockResolvedValue(rows);
    return { query, rounds: new FundingRoundRepository({ query } as unknown as DataSource) };
  };

  it('maps a row to the contract: exact decimal strings, the rate without trailing zeros', async () => {
    const { rounds } = repository([row]);
    expect(await rounds.find({ organisationId: 'o1', role: 'manager', startupId: null }, 'r1')).toMatchObject({
      amount: '1000.50',
      eurRate: '0.92',
      amountEur: '920.46',
      amountEurCents: 92046,
      preMoneyValuation: '8000000.00',
      valuationHidden: false,
      updatedAt: '2025-03-11T08:00:00.000Z',
    });
  });

  it('hides the valuation from a board member, and reads only published rounds for them', async () => {
    const { rounds, query } = repository([row]);
    expect(await rounds.find({ organisationId: 'o1', role: 'board', startupId: null }, 'r1')).toMatchObject({ preMoneyValuation: null, valuationHidden: true });
    expect(query.mock.calls[0][0]).toContain('o.board_sees_rounds');
  });

  it('answers null for no row', async () => {
    expect(await repository([]).rounds.find({ organisationId: 'o1', role: 'manager', startupId: null }, 'r1')).toBeNull();
  });
});
