import { defineErrors } from '@incubator/api/errors';

/** Calls for applications, the public application form, reviews and decisions. */
export const ApplicationErrors = defineErrors('application', {
  call_not_found: { status: 404, message: { fr: 'Appel à candidatures introuvable.', en: 'No such call for applications.' } },
  cohort_unknown: {
    status: 404,
    message: { fr: 'Promotion inconnue dans cette organisation.', en: 'No such cohort in this organisation.' },
    fields: { cohortId: { fr: 'promotion inconnue dans cette organisation', en: 'no such cohort in this organisation' } },
  },
  slug_taken: {
    status: 409,
    message: { fr: 'Un autre appel porte déjà cette adresse.', en: 'Another call already has this address.' },
    fields: { slug: { fr: 'adresse déjà utilisée', en: 'address already used' } },
  },
  dates_invalid: {
    status: 400,
    message: { fr: 'La date de clôture doit suivre ou égaler la date d’ouverture.', en: 'The closing date must be on or after the opening date.' },
    fields: { closesOn: { fr: 'clôture avant l’ouverture', en: 'closes before it opens' } },
  },
  balanced_needs_count: {
    status: 400,
    message: { fr: 'La répartition équilibrée demande un nombre d’évaluateurs par candidature.', en: 'Balanced assignment needs a number of reviewers per application.' },
    fields: { reviewersPerApplication: { fr: 'nombre requis (1 à 20)', en: 'a number is required (1 to 20)' } },
  },
  question_invalid: {
    status: 400,
    message: { fr: 'La question {position} est invalide : {reason}.', en: 'Question {position} is invalid: {reason}.' },
    fields: { questions: { fr: 'question {position} : {reason}', en: 'question {position}: {reason}' } },
  },
  criteria_required: {
    status: 409,
    message: { fr: 'Ajoutez au moins un critère d’évaluation avant d’ouvrir l’appel.', en: 'Add at least one review criterion before opening the call.' },
    fields: { criteria: { fr: 'au moins un critère', en: 'at least one criterion' } },
  },
  call_locked: {
    status: 409,
    message: { fr: 'Des candidatures ont été déposées : les questions et critères ne changent plus.', en: 'Applications have been submitted: questions and criteria can no longer change.' },
  },
  call_not_deletable: {
    status: 409,
    message: { fr: 'Seul un appel en brouillon sans candidature peut être supprimé.', en: 'Only a draft call without applications can be deleted.' },
  },
  call_status_refused: {
    status: 409,
    message: { fr: 'L’appel est déjà « {status} ».', en: 'The call is already "{status}".' },
  },
  reviewer_unknown: {
    status: 400,
    message: { fr: 'Un des évaluateurs n’est pas membre évaluateur de l’organisation.', en: 'One of the reviewers is not a reviewer member of the organisation.' },
    fields: { userIds: { fr: 'évaluateur inconnu', en: 'unknown reviewer' } },
  },
  call_not_open: {
    status: 409,
    message: { fr: 'Cet appel n’accepte pas de candidatures en ce moment.', en: 'This call is not accepting applications right now.' },
  },
  duplicate_email: {
    status: 409,
    message: {
      fr: 'Une candidature à cet appel existe déjà pour cette adresse e-mail : utilisez le lien reçu par e-mail, ou demandez-en un nouveau.',
      en: 'An application to this call already exists for this e-mail address: use the link you received, or ask for a new one.',
    },
    fields: { email: { fr: 'déjà candidat à cet appel', en: 'already applied to this call' } },
  },
  duplicate_siren: {
    status: 409,
    message: {
      fr: 'Une candidature à cet appel existe déjà pour ce SIREN.',
      en: 'An application to this call already exists for this SIREN.',
    },
    fields: { siren: { fr: 'SIREN déjà candidat à cet appel', en: 'SIREN already applied to this call' } },
  },
  siren_invalid: {
    status: 400,
    message: { fr: 'Le SIREN doit compter 9 chiffres valides.', en: 'The SIREN must be 9 valid digits.' },
    fields: { siren: { fr: 'SIREN invalide', en: 'invalid SIREN' } },
  },
  link_invalid: {
    status: 401,
    message: {
      fr: 'Ce lien n’est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.',
      en: 'This link is no longer valid (already used or expired): ask for a new one.',
    },
  },
  session_required: {
    status: 401,
    message: { fr: 'Session de candidature absente ou expirée : rouvrez le lien reçu par e-mail.', en: 'Application session missing or expired: open the e-mailed link again.' },
  },
  not_editable: {
    status: 409,
    message: { fr: 'Cette candidature est déposée : elle ne se modifie plus.', en: 'This application has been submitted: it can no longer change.' },
  },
  question_unknown: {
    status: 404,
    message: { fr: 'Question inconnue pour cet appel.', en: 'No such question in this call.' },
  },
  answer_invalid: {
    status: 400,
    message: { fr: 'Réponse invalide à « {question} » : {reason}.', en: 'Invalid answer to "{question}": {reason}.' },
    fields: { answers: { fr: '« {question} » : {reason}', en: '"{question}": {reason}' } },
  },
  answer_missing: {
    status: 400,
    message: { fr: 'Répondez à « {question} » avant de déposer.', en: 'Answer "{question}" before submitting.' },
    fields: { answers: { fr: '« {question} » est obligatoire', en: '"{question}" is required' } },
  },
  not_eligible: {
    status: 409,
    message: { fr: 'Vos réponses aux questions d’éligibilité ne permettent pas de candidater à cet appel.', en: 'Your answers to the eligibility questions do not qualify for this call.' },
  },
  file_too_large: {
    status: 413,
    message: { fr: 'Fichier trop volumineux : {maxMb} Mo au plus.', en: 'File too large: at most {maxMb} MB.' },
  },
  file_type: {
    status: 415,
    message: { fr: 'Seuls les fichiers PDF sont acceptés.', en: 'Only PDF files are accepted.' },
  },
  file_not_found: { status: 404, message: { fr: 'Aucun fichier pour cette question.', en: 'No file for this question.' } },
  not_found: { status: 404, message: { fr: 'Candidature introuvable.', en: 'No such application.' } },
  review_submitted: {
    status: 409,
    message: { fr: 'Votre évaluation est déjà soumise.', en: 'Your review has already been submitted.' },
  },
  score_invalid: {
    status: 400,
    message: { fr: 'Chaque note porte sur un critère de l’appel, de 1 à 5.', en: 'Each score is for a criterion of the call, from 1 to 5.' },
    fields: { scores: { fr: 'critère inconnu, en double ou note hors de 1 à 5', en: 'unknown or repeated criterion, or a score outside 1 to 5' } },
  },
  scores_incomplete: {
    status: 400,
    message: { fr: 'Notez chaque critère avant de soumettre.', en: 'Score every criterion before submitting.' },
    fields: { scores: { fr: 'chaque critère doit être noté', en: 'every criterion must be scored' } },
  },
  not_reviewable: {
    status: 409,
    message: { fr: 'Cette candidature n’est plus en évaluation.', en: 'This application is no longer under review.' },
  },
  transition_refused: {
    status: 409,
    message: { fr: 'Passage de « {from} » à « {to} » impossible.', en: 'Cannot move from "{from}" to "{to}".' },
    fields: { status: { fr: 'passage impossible depuis « {from} »', en: 'not allowed from "{from}"' } },
  },
  pitch_date_required: {
    status: 400,
    message: { fr: 'Indiquez la date du pitch.', en: 'Give the pitch date.' },
    fields: { pitchAt: { fr: 'date du pitch requise', en: 'the pitch date is required' } },
  },
  already_decided: {
    status: 409,
    message: { fr: 'Cette candidature a déjà reçu une décision.', en: 'This application has already been decided.' },
  },
  not_decidable: {
    status: 409,
    message: { fr: 'Une candidature en brouillon ne reçoit pas de décision.', en: 'A draft application cannot be decided.' },
  },
});
