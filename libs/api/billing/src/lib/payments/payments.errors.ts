import { defineErrors } from '@incubator/api/errors';

/**
 * Payments, bank statements, direct-debit batches and accounting exports. Details only name the
 * caller's own organisation's documents (an invoice's number and balance).
 */
export const PaymentErrors = defineErrors('payment', {
  invoice_not_found: {
    status: 404,
    message: { fr: 'Facture introuvable.', en: 'No such invoice.' },
    fields: { invoiceId: { fr: 'facture inconnue dans cette organisation', en: 'no such invoice in this organisation' } },
  },
  invoice_not_payable: {
    status: 422,
    message: {
      fr: 'Seule une facture émise reçoit des paiements (pas un brouillon ni un avoir).',
      en: 'Only an issued invoice takes payments (not a draft nor a credit note).',
    },
    fields: { invoiceId: { fr: 'la facture doit être émise', en: 'the invoice must be issued' } },
  },
  exceeds_balance: {
    status: 422,
    message: {
      fr: 'Le paiement dépasse le solde de la facture {invoiceNumber} ({balance} €).',
      en: 'The payment exceeds the balance of invoice {invoiceNumber} (€{balance}).',
    },
    fields: { amountCents: { fr: 'au plus le solde : {balance} €', en: 'at most the balance: €{balance}' } },
  },
  payment_not_found: { status: 404, message: { fr: 'Paiement introuvable.', en: 'No such payment.' } },
  statement_not_xml: {
    status: 415,
    message: { fr: 'Envoyez le relevé CAMT.053 en XML (application/xml).', en: 'Send the CAMT.053 statement as XML (application/xml).' },
  },
  statement_has_dtd: {
    status: 400,
    message: {
      fr: 'Relevé refusé : un relevé CAMT.053 ne contient ni DTD ni déclaration d’entité.',
      en: 'Statement refused: a CAMT.053 statement holds no DTD nor entity declaration.',
    },
  },
  statement_malformed: { status: 400, message: { fr: 'Relevé bancaire illisible : XML mal formé.', en: 'Unreadable bank statement: malformed XML.' } },
  statement_not_camt053: {
    status: 400,
    message: { fr: 'Ce fichier n’est pas un relevé CAMT.053 lisible.', en: 'This file is not a readable CAMT.053 statement.' },
  },
  direct_debit_not_configured: {
    status: 422,
    message: {
      fr: 'Renseignez l’IBAN et l’identifiant créancier SEPA (ICS) de l’organisation avant un prélèvement.',
      en: 'Set the organisation’s IBAN and SEPA creditor identifier before a direct debit.',
    },
  },
  direct_debit_nothing_due: {
    status: 422,
    message: {
      fr: 'Aucune facture à prélever au {collectionDate} (clients en prélèvement avec un mandat actif).',
      en: 'No invoice to collect on {collectionDate} (customers paying by direct debit with an active mandate).',
    },
  },
  collection_date_past: {
    status: 422,
    message: { fr: 'La date de prélèvement est passée.', en: 'The collection date is in the past.' },
    fields: { collectionDate: { fr: 'au plus tôt aujourd’hui ({today})', en: 'today ({today}) at the earliest' } },
  },
  period_reversed: {
    status: 400,
    message: { fr: 'La période finit avant de commencer.', en: 'The period ends before it starts.' },
    fields: { to: { fr: 'doit suivre la date de début', en: 'must not be before from' } },
  },
  period_too_long: {
    status: 400,
    message: { fr: 'Au plus {maxQuarters} trimestres à la fois.', en: 'At most {maxQuarters} quarters at a time.' },
    fields: { to: { fr: 'au plus {maxQuarters} trimestres après le début', en: 'at most {maxQuarters} quarters after from' } },
  },
  seller_siren_missing: {
    status: 422,
    message: {
      fr: 'Le FEC est nommé d’après le SIREN : renseignez celui de l’organisation.',
      en: 'The FEC file is named after the SIREN: set the organisation’s.',
    },
  },
});
