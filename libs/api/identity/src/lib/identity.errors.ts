import { defineErrors } from '@incubator/api/errors';

/**
 * Identity's errors: sign-in, sessions, MFA, invitations, password resets and members. A sign-in
 * refusal never says which of the e-mail and the password was wrong (no account enumeration).
 */
export const IdentityErrors = defineErrors('identity', {
  // Sign-in and sessions
  invalid_credentials: { status: 401, message: { fr: 'E-mail ou mot de passe incorrect.', en: 'Invalid email or password.' } },
  sign_in_throttled: {
    status: 429,
    message: { fr: 'Trop de tentatives de connexion depuis cette adresse ; réessayez plus tard.', en: 'Too many sign-in attempts from this address; try again later.' },
  },
  session_expired: { status: 401, message: { fr: 'Session expirée ; reconnectez-vous.', en: 'Session expired; sign in again.' } },
  no_refresh_session: { status: 401, message: { fr: 'Aucune session à prolonger ; reconnectez-vous.', en: 'No session to refresh; sign in again.' } },
  sign_in_required: { status: 401, message: { fr: 'Connectez-vous pour continuer.', en: 'Sign in to continue.' } },
  membership_ended: { status: 403, message: { fr: 'Votre accès à cette organisation a pris fin.', en: 'Your access to this organisation has ended.' } },
  role_forbidden: { status: 403, message: { fr: 'Votre rôle ne permet pas cette action.', en: 'Your role does not allow this.' } },
  operator_outside_organisations: {
    status: 403,
    message: {
      fr: 'Un opérateur de la plateforme n’appartient à aucune organisation : les données des organisations ne lui sont pas ouvertes.',
      en: 'A platform operator belongs to no organisation: organisations’ data is not open to them.',
    },
  },
  no_access_rule: { status: 403, message: { fr: 'Cette route ne déclare aucune règle d’accès.', en: 'This route declares no access rule.' } },
  session_not_found: { status: 404, message: { fr: 'Session introuvable.', en: 'Session not found.' } },
  wrong_current_password: {
    status: 400,
    message: { fr: 'Mot de passe actuel incorrect.', en: 'Wrong current password.' },
    fields: { currentPassword: { fr: 'ce n’est pas votre mot de passe actuel', en: 'this is not your current password' } },
  },

  // Two-factor authentication
  mfa_already_enabled: { status: 409, message: { fr: 'La double authentification est déjà activée.', en: 'Two-factor authentication is already on.' } },
  mfa_not_enabled: { status: 409, message: { fr: 'La double authentification n’est pas activée.', en: 'Two-factor authentication is not on.' } },
  mfa_required: {
    status: 409,
    message: { fr: 'Votre organisation exige la double authentification pour votre rôle.', en: 'Your organisation requires two-factor authentication for your role.' },
  },
  mfa_no_enrolment: {
    status: 400,
    message: { fr: 'Aucune activation en cours.', en: 'No enrolment in progress.' },
    fields: { code: { fr: 'commencez par scanner le QR code', en: 'scan the QR code first' } },
  },
  mfa_code_rejected: {
    status: 400,
    message: { fr: 'Code invalide ou expiré.', en: 'Invalid or expired code.' },
    fields: { code: { fr: 'ce code ne correspond pas', en: 'this code does not match' } },
  },
  mfa_invalid_code: { status: 401, message: { fr: 'Code invalide ou expiré.', en: 'Invalid or expired code.' } },
  mfa_challenge_expired: { status: 401, message: { fr: 'Étape de connexion expirée ; reconnectez-vous.', en: 'Sign-in step expired; sign in again.' } },
  mfa_too_many_failures: { status: 429, message: { fr: 'Trop de codes erronés ; réessayez plus tard.', en: 'Too many wrong codes; try again later.' } },
  wrong_password: {
    status: 400,
    message: { fr: 'Mot de passe incorrect.', en: 'Wrong password.' },
    fields: { password: { fr: 'ce n’est pas votre mot de passe actuel', en: 'this is not your current password' } },
  },

  // Password resets
  reset_link_invalid: {
    status: 410,
    message: { fr: 'Ce lien est invalide, expiré ou déjà utilisé ; demandez-en un nouveau.', en: 'This link is invalid, expired or already used; ask for a new one.' },
  },

  // Invitations and members
  startup_required: {
    status: 400,
    message: { fr: 'Un membre startup doit être rattaché à une startup.', en: 'A startup member needs a startup.' },
    fields: { startupId: { fr: 'la startup est obligatoire pour le rôle startup', en: 'startupId is required for the startup role' } },
  },
  startup_not_found: {
    status: 404,
    message: { fr: 'Startup inconnue dans cette organisation.', en: 'No such startup in this organisation.' },
    fields: { startupId: { fr: 'startup inconnue dans cette organisation', en: 'no such startup in this organisation' } },
  },
  already_member: {
    status: 409,
    message: { fr: 'Cette personne est déjà membre de l’organisation.', en: 'This person is already a member of the organisation.' },
    fields: { email: { fr: 'déjà membre de l’organisation', en: 'already a member of the organisation' } },
  },
  invitation_pending: {
    status: 409,
    message: { fr: 'Une invitation est déjà en attente pour cet e-mail.', en: 'A pending invitation already exists for this email.' },
    fields: { email: { fr: 'une invitation est déjà en attente pour cet e-mail', en: 'a pending invitation already exists for this email' } },
  },
  invitation_not_found: { status: 404, message: { fr: 'Aucune invitation en attente avec cet identifiant.', en: 'No pending invitation with this id.' } },
  invitation_withdrawn: { status: 404, message: { fr: 'Cette invitation n’existe pas ou a été retirée.', en: 'This invitation does not exist or was withdrawn.' } },
  invitation_used: { status: 410, message: { fr: 'Cette invitation a déjà été utilisée.', en: 'This invitation has already been used.' } },
  invitation_expired: { status: 410, message: { fr: 'Cette invitation a expiré ; demandez-en une nouvelle.', en: 'This invitation has expired; ask for a new one.' } },
  existing_account_password: {
    status: 401,
    message: { fr: 'Cet e-mail a déjà un compte : saisissez son mot de passe actuel.', en: 'This email already has an account: enter its current password.' },
    fields: { password: { fr: 'ce n’est pas le mot de passe de ce compte', en: 'this is not the password of this account' } },
  },
  display_name_required: {
    status: 400,
    message: { fr: 'Un nouveau compte doit avoir un nom.', en: 'A new account needs a name.' },
    fields: { displayName: { fr: 'le nom est obligatoire pour un nouveau compte', en: 'displayName is required for a new account' } },
  },
  already_joined: { status: 409, message: { fr: 'Vous êtes déjà membre de cette organisation.', en: 'You are already a member of this organisation.' } },
  membership_not_activated: { status: 409, message: { fr: 'L’adhésion n’a pas pu être activée.', en: 'The membership could not be activated.' } },
  member_not_found: { status: 404, message: { fr: 'Membre inconnu dans cette organisation.', en: 'No such member in this organisation.' } },
  last_admin: {
    status: 409,
    message: { fr: 'L’organisation doit garder au moins un administrateur actif.', en: 'The organisation needs at least one active admin.' },
  },
});
