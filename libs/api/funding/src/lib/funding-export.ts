import { renderTable, TableFormat } from '@incubator/api/sql';
import { labelOf, ROUND_KIND_LABELS, ROUND_STATUS_LABELS } from '@incubator/contracts';
import type { FundingRoundResponse, Locale } from '@incubator/contracts';

const HEADERS: Record<Locale, string[]> = {
  fr: ['Startup', 'Type', 'Statut', 'Devise', 'Montant', 'Taux EUR', 'Montant EUR', 'Annonce', 'Clôture', 'Investisseurs', 'Chef de file', 'Valorisation pré-money'],
  en: ['Startup', 'Kind', 'Status', 'Currency', 'Amount', 'EUR rate', 'Amount EUR', 'Announced', 'Closed', 'Investors', 'Lead', 'Pre-money valuation'],
};

/** Funding rounds as CSV/XLSX, kinds and statuses in the reader's words; amounts are the exact decimal strings (valuations only when the caller may see them). */
export function renderFundingRounds(rounds: FundingRoundResponse[], format: TableFormat, locale: Locale): Promise<Buffer> {
  const rows = rounds.map((r) => [
    r.startupName,
    labelOf(ROUND_KIND_LABELS, locale, r.kind),
    labelOf(ROUND_STATUS_LABELS, locale, r.status),
    r.currency,
    r.amount,
    r.eurRate,
    r.amountEur,
    r.announcedOn ?? '',
    r.closedOn ?? '',
    r.investors.map((i) => i.name).join('; '),
    r.investors.find((i) => i.id === r.leadInvestorId)?.name ?? '',
    r.preMoneyValuation ?? '',
  ]);
  return renderTable(locale === 'fr' ? 'Levées de fonds' : 'Funding rounds', HEADERS[locale], rows, format, locale);
}
