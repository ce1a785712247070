import type { Locale, MailJobPayload, Role } from '@incubator/contracts';

/** The emails identity sends, in the recipient's language. Plain text first: it reads everywhere. */

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  fr: { admin: 'administrateur', manager: 'gestionnaire', board: 'membre du conseil', startup: 'membre de startup', reviewer: 'membre du jury' },
  en: { admin: 'administrator', manager: 'manager', board: 'board member', startup: 'startup member', reviewer: 'jury member' },
};

function formatInstant(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
}

export function invitationEmail(input: {
  to: string;
  locale: Locale;
  organisationName: string;
  role: Role;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): MailJobPayload {
  const role = ROLE_NAMES[input.locale][input.role];
  const until = formatInstant(input.expiresAt, input.locale, input.timeZone);
  if (input.locale === 'fr') {
    return {
      to: input.to,
      template: 'invitation',
      subject: `Invitation à rejoindre ${input.organisationName}`,
      text:
        `Bonjour,\n\nVous êtes invité(e) à rejoindre ${input.organisationName} en tant que ${role}.\n\n` +
        `Pour accepter et choisir votre mot de passe, ouvrez ce lien (valable jusqu'au ${until}) :\n${input.link}\n\n` +
        `Si vous n'attendiez pas cette invitation, ignorez ce message.\n`,
    };
  }
  return {
    to: input.to,
    template: 'invitation',
    subject: `Invitation to join ${input.organisationName}`,
    text:
      `Hello,\n\nYou have been invited to join ${input.organisationName} as ${role}.\n\n` +
      `To accept and choose your password, open this link (valid until ${until}):\n${input.link}\n\n` +
      `If you were not expecting this invitation, ignore this message.\n`,
  };
}

export function passwordResetEmail(input: { to: string; locale: Locale; link: string; expiresAt: Date }): MailJobPayload {
  const until = formatInstant(input.expiresAt, input.locale, 'Europe/Paris');
  if (input.locale === 'fr') {
    return {
      to: input.to,
      template: 'password-reset',
      subject: 'Réinitialisation de votre mot de passe',
      text:
        `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable jusqu'au ${until}, heure de Paris) :\n${input.link}\n\n` +
        `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n`,
    };
  }
  return {
    to: input.to,
    template: 'password-reset',
    subject: 'Reset your password',
    text:
      `Hello,\n\nTo choose a new password, open this link (valid until ${until}, Paris time):\n${input.link}\n\n` +
      `If you did not ask for this, ignore this message: your password stays unchanged.\n`,
  };
}

/**
 * The token rides in the fragment: browsers never send it to a server, so it stays out of nginx's and
 * the API's access logs and out of Referer headers. The web client reads it from `location.hash`.
 */
export const invitationLink = (webUrl: string, token: string) => `${webUrl.replace(/\/$/, '')}/invitation#token=${token}`;
export const passwordResetLink = (webUrl: string, token: string) => `${webUrl.replace(/\/$/, '')}/reset-password#token=${token}`;
