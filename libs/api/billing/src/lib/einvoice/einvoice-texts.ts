import type { EInvoiceDocument } from './einvoice-document';
import { formatDate, formatMoney, formatPercent } from './einvoice-format';

/**
 * The legal mentions of a French B2B invoice, in the document's language: the same sentences go into the
 * XML notes and payment terms (always French: the legal text for the tax administration) and the PDF.
 */
export interface LegalMentions {
  operationNature: string;
  vatOnDebits: string | null;
  latePenalty: string;
  recoveryIndemnity: string;
  noDiscount: string;
  paymentTerms: string;
}

const NATURE = {
  fr: { services: 'Prestations de services', goods: 'Livraison de biens', mixed: 'Livraison de biens et prestations de services' },
  en: { services: 'Supply of services', goods: 'Supply of goods', mixed: 'Supply of goods and services' },
} as const;

export function legalMentions(doc: EInvoiceDocument, locale: 'fr' | 'en' = doc.locale): LegalMentions {
  const rate = formatPercent(doc.latePenaltyRateBp, locale);
  const indemnity = formatMoney(doc.recoveryIndemnityCents, doc.currency, locale);
  const due = doc.dueDate ? formatDate(doc.dueDate) : null;
  if (locale === 'fr') {
    return {
      operationNature: `Nature de l'opération : ${NATURE.fr[doc.operationNature]}`,
      vatOnDebits: doc.vatOnDebits ? "Option pour le paiement de la TVA d'après les débits" : null,
      latePenalty: `Pénalités de retard exigibles dès le lendemain de l'échéance, au taux annuel de ${rate} (art. L441-10 du Code de commerce).`,
      recoveryIndemnity: `Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : ${indemnity} (art. L441-10 et D441-5 du Code de commerce).`,
      noDiscount: 'Pas d’escompte pour paiement anticipé.',
      paymentTerms: due
        ? `Paiement à ${doc.paymentTermsDays} jours, au plus tard le ${due}${doc.paymentMethod === 'direct_debit' ? ', par prélèvement SEPA' : ', par virement'}.`
        : doc.kind === 'credit_note'
          ? 'Avoir à imputer sur les prochaines factures ou remboursé sur demande.'
          : 'Paiement à réception.',
    };
  }
  return {
    operationNature: `Nature of the operation: ${NATURE.en[doc.operationNature]}`,
    vatOnDebits: doc.vatOnDebits ? 'VAT paid on debits (option for VAT on an accrual basis)' : null,
    latePenalty: `Late payment penalties from the day after the due date, at the annual rate of ${rate} (French Commercial Code, art. L441-10).`,
    recoveryIndemnity: `Fixed indemnity for recovery costs in case of late payment: ${indemnity} (French Commercial Code, art. L441-10 and D441-5).`,
    noDiscount: 'No discount for early payment.',
    paymentTerms: due
      ? `Payment within ${doc.paymentTermsDays} days, by ${due} at the latest${doc.paymentMethod === 'direct_debit' ? ', by SEPA direct debit' : ', by bank transfer'}.`
      : doc.kind === 'credit_note'
        ? 'Credit to be offset against future invoices or refunded on request.'
        : 'Payment on receipt.',
  };
}
