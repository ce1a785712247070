import { defineErrors } from '@incubator/api/errors';

/**
 * Billing's errors: the seller's settings, customers and mandates, charges, billing runs, invoices and
 * credit notes. Details only ever name the caller's own organisation's records.
 */
export const BillingErrors = defineErrors('billing', {
  iban_invalid: {
    status: 400,
    message: { fr: 'L’IBAN {iban} n’est pas valide.', en: 'The IBAN {iban} is not valid.' },
    fields: { iban: { fr: 'IBAN invalide (clé de contrôle ou longueur)', en: 'invalid IBAN (check digits or length)' } },
  },
  bic_invalid: {
    status: 400,
    message: { fr: 'Le BIC {bic} n’est pas valide.', en: 'The BIC {bic} is not valid.' },
    fields: { bic: { fr: 'BIC invalide (8 ou 11 caractères)', en: 'invalid BIC (8 or 11 characters)' } },
  },
  creditor_id_invalid: {
    status: 400,
    message: { fr: 'L’identifiant créancier SEPA {sepaCreditorId} n’est pas valide.', en: 'The SEPA creditor identifier {sepaCreditorId} is not valid.' },
    fields: { sepaCreditorId: { fr: 'identifiant créancier SEPA invalide (clé de contrôle)', en: 'invalid SEPA creditor identifier (check digits)' } },
  },
  prefixes_equal: {
    status: 400,
    message: { fr: 'Les factures et les avoirs ont besoin de préfixes différents.', en: 'Invoices and credit notes need different prefixes.' },
    fields: { creditNotePrefix: { fr: 'doit différer du préfixe des factures', en: 'must differ from the invoice prefix' } },
  },
  startup_not_found: {
    status: 404,
    message: { fr: 'Startup inconnue dans cette organisation.', en: 'No such startup in this organisation.' },
    fields: { startupId: { fr: 'startup inconnue dans cette organisation', en: 'no such startup in this organisation' } },
  },
  customer_not_found: {
    status: 404,
    message: { fr: 'Cette startup n’a pas encore de profil de facturation.', en: 'This startup has no billing profile yet.' },
  },
  customer_incomplete: {
    status: 409,
    message: { fr: 'Le profil de facturation de {startupName} est incomplet : {missing}.', en: 'The billing profile of {startupName} is incomplete: {missing}.' },
  },
  mandate_required: {
    status: 409,
    message: { fr: 'Le prélèvement SEPA exige un mandat actif.', en: 'SEPA direct debit needs an active mandate.' },
    fields: { paymentMethod: { fr: 'créez d’abord un mandat actif', en: 'create an active mandate first' } },
  },
  mandate_reference_taken: {
    status: 409,
    message: { fr: 'La référence de mandat {reference} est déjà utilisée.', en: 'The mandate reference {reference} is already used.' },
    fields: { reference: { fr: 'référence déjà utilisée', en: 'reference already used' } },
  },
  mandate_active_exists: {
    status: 409,
    message: { fr: 'Cette startup a déjà un mandat actif ({reference}) : révoquez-le d’abord.', en: 'This startup already has an active mandate ({reference}); revoke it first.' },
  },
  mandate_not_found: { status: 404, message: { fr: 'Mandat inconnu dans cette organisation.', en: 'No such mandate in this organisation.' } },
  mandate_revoked: { status: 409, message: { fr: 'Ce mandat est déjà révoqué.', en: 'This mandate is already revoked.' } },
  lease_not_found: {
    status: 404,
    message: { fr: 'Bail inconnu pour cette startup.', en: 'No such lease for this startup.' },
    fields: { leaseId: { fr: 'bail inconnu pour cette startup', en: 'no such lease for this startup' } },
  },
  deposit_needs_lease: {
    status: 400,
    message: { fr: 'Un dépôt de garantie se rattache à un bail.', en: 'A deposit belongs to a lease.' },
    fields: { leaseId: { fr: 'obligatoire pour un dépôt de garantie', en: 'required for a deposit' } },
  },
  charge_sign: {
    status: 400,
    message: { fr: 'Une remise ou un remboursement est négatif, les autres frais positifs.', en: 'A discount or refund is negative, other charges positive.' },
    fields: { amountCents: { fr: 'signe incompatible avec la nature', en: 'sign does not match the kind' } },
  },
  charge_not_found: { status: 404, message: { fr: 'Frais inconnu dans cette organisation.', en: 'No such charge in this organisation.' } },
  charge_billed: { status: 409, message: { fr: 'Ce frais est déjà facturé ({invoiceId}).', en: 'This charge is already billed ({invoiceId}).' } },
  exemption_reason_required: {
    status: 400,
    message: { fr: 'Une exonération de TVA a besoin de sa mention légale.', en: 'A VAT exemption needs its legal mention.' },
    fields: { vatExemptionReason: { fr: 'mention obligatoire hors taux normal', en: 'required unless the standard rate applies' } },
  },
  run_exists: {
    status: 409,
    message: { fr: 'Le mois {month} a déjà une facturation ({runId}).', en: 'The month {month} already has a billing run ({runId}).' },
    fields: { month: { fr: 'mois déjà facturé', en: 'month already billed' } },
  },
  run_not_found: { status: 404, message: { fr: 'Facturation inconnue dans cette organisation.', en: 'No such billing run in this organisation.' } },
  run_not_drafted: {
    status: 409,
    message: { fr: 'Cette facturation est « {status} » : elle s’émet une fois les brouillons prêts.', en: 'This billing run is "{status}": it is issued once drafted.' },
  },
  invoice_not_found: { status: 404, message: { fr: 'Facture inconnue dans cette organisation.', en: 'No such invoice in this organisation.' } },
  invoice_not_draft: {
    status: 409,
    message: { fr: 'La facture est « {status} » : seul un brouillon s’émet ou s’annule.', en: 'The invoice is "{status}": only a draft is issued or cancelled.' },
  },
  invoice_not_issued: {
    status: 409,
    message: { fr: 'Seule une facture émise a un document ou un avoir.', en: 'Only an issued invoice has a document or a credit note.' },
  },
  vat_outside_scope: {
    status: 400,
    message: {
      fr: 'Une facture mensuelle porte le loyer : une ligne hors champ de la TVA n’y est pas admise (norme EN 16931). Facturez-la exonérée (E) avec sa mention, par exemple « Dépôt de garantie non soumis à la TVA ».',
      en: 'A monthly invoice carries the rent: a line outside the scope of VAT is not allowed on it (EN 16931). Bill it as exempt (E) with its mention, e.g. "Security deposit not subject to VAT".',
    },
    fields: { vatCategory: { fr: 'hors champ non admis : choisissez « exonéré »', en: 'outside scope not allowed: choose “exempt”' } },
  },
  seller_incomplete: {
    status: 422,
    message: {
      fr: 'Complétez d’abord l’identité légale de l’organisation (Administration › Organisation) : raison sociale, SIREN, n° de TVA intracommunautaire et adresse figurent sur chaque facture.',
      en: 'Complete the organisation’s legal identity first (Administration › Organisation): every invoice carries its legal name, SIREN, VAT number and address.',
    },
  },
  invoice_empty: { status: 409, message: { fr: 'Une facture sans ligne ne s’émet pas.', en: 'An invoice without lines cannot be issued.' } },
  credit_note_of_credit_note: { status: 409, message: { fr: 'Un avoir ne se crédite pas.', en: 'A credit note cannot be credited.' } },
  credit_line_unknown: {
    status: 400,
    message: { fr: 'La ligne {lineId} n’appartient pas à cette facture.', en: 'The line {lineId} is not a line of this invoice.' },
    fields: { lines: { fr: 'ligne inconnue sur cette facture', en: 'line not on this invoice' } },
  },
  credit_exceeds: {
    status: 409,
    message: { fr: 'Il ne reste que {remainingCents} centimes à créditer sur la ligne {lineId}.', en: 'Only {remainingCents} cents remain creditable on line {lineId}.' },
    fields: { lines: { fr: 'montant supérieur au reste à créditer', en: 'amount above what remains creditable' } },
  },
  nothing_to_credit: { status: 409, message: { fr: 'Tout a déjà été crédité sur cette facture.', en: 'Everything on this invoice was already credited.' } },
  document_unavailable: {
    status: 409,
    message: { fr: 'Le document Factur-X n’est pas encore disponible sur ce serveur.', en: 'The Factur-X document is not available on this server yet.' },
  },
});
