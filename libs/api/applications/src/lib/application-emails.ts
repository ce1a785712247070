import type { Decision, Locale, MailJobPayload } from '@incubator/contracts';

/** The e-mails of the application process, in the applicant's language. Plain text: it reads everywhere. */

/** The token rides in the fragment: never sent to a server, so it stays out of access logs and Referer headers. */
export const applicationLink = (webUrl: string, token: string) => `${webUrl.replace(/\/$/, '')}/apply/resume#token=${token}`;

function formatInstant(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
}

export function magicLinkEmail(input: {
  to: string;
  locale: Locale;
  organisationName: string;
  callTitle: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): MailJobPayload {
  const until = formatInstant(input.expiresAt, input.locale, input.timeZone);
  if (input.locale === 'fr') {
    return {
      to: input.to,
      template: 'application-link',
      subject: `Votre candidature : ${input.callTitle}`,
      text:
        `Bonjour,\n\nPour compléter votre candidature à « ${input.callTitle} » (${input.organisationName}), ouvrez ce lien ` +
        `(utilisable une fois, valable jusqu'au ${until}) :\n${input.link}\n\n` +
        `Vous pourrez demander un nouveau lien depuis la page de l'appel à tout moment.\n` +
        `Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n`,
    };
  }
  return {
    to: input.to,
    template: 'application-link',
    subject: `Your application: ${input.callTitle}`,
    text:
      `Hello,\n\nTo complete your application to "${input.callTitle}" (${input.organisationName}), open this link ` +
      `(single use, valid until ${until}):\n${input.link}\n\n` +
      `You can ask for a new link from the call's page at any time.\n` +
      `If you did not ask for this, ignore this message.\n`,
  };
}

export function confirmationEmail(input: { to: string; locale: Locale; organisationName: string; callTitle: string; startupName: string }): MailJobPayload {
  if (input.locale === 'fr') {
    return {
      to: input.to,
      template: 'application-submitted',
      subject: `Candidature reçue : ${input.callTitle}`,
      text:
        `Bonjour,\n\nNous avons bien reçu la candidature de ${input.startupName} à « ${input.callTitle} ». ` +
        `L'équipe de ${input.organisationName} vous écrira après l'évaluation par le jury.\n\nMerci de votre intérêt !\n`,
    };
  }
  return {
    to: input.to,
    template: 'application-submitted',
    subject: `Application received: ${input.callTitle}`,
    text:
      `Hello,\n\nWe have received ${input.startupName}'s application to "${input.callTitle}". ` +
      `The ${input.organisationName} team will write to you once the jury has reviewed it.\n\nThank you for your interest!\n`,
  };
}

const DECISION_TEXT: Record<Locale, Record<Decision, { subject: string; body: string }>> = {
  fr: {
    admit: {
      subject: 'Félicitations : votre candidature est retenue',
      body: 'Nous avons le plaisir de vous annoncer que {startup} est admise dans « {call} ». Vous allez recevoir une invitation à rejoindre votre espace startup.',
    },
    reject: {
      subject: 'Réponse à votre candidature',
      body: "Après examen par le jury, la candidature de {startup} à « {call} » n'a pas été retenue. Merci de l'intérêt que vous nous avez porté.",
    },
    waitlist: {
      subject: "Votre candidature est sur liste d'attente",
      body: "La candidature de {startup} à « {call} » est placée sur liste d'attente : nous reviendrons vers vous si une place se libère.",
    },
  },
  en: {
    admit: {
      subject: 'Congratulations: your application is accepted',
      body: '{startup} is admitted to "{call}". You will receive an invitation to join your startup space.',
    },
    reject: {
      subject: 'About your application',
      body: 'After review by the jury, the application of {startup} to "{call}" was not selected. Thank you for your interest.',
    },
    waitlist: {
      subject: 'Your application is on the waiting list',
      body: 'The application of {startup} to "{call}" is on the waiting list: we will come back to you if a place opens.',
    },
  },
};

export function decisionEmail(input: {
  to: string;
  locale: Locale;
  decision: Decision;
  organisationName: string;
  callTitle: string;
  startupName: string;
}): MailJobPayload {
  const text = DECISION_TEXT[input.locale][input.decision];
  const body = text.body.replace('{startup}', input.startupName).replace('{call}', input.callTitle);
  const greeting = input.locale === 'fr' ? 'Bonjour' : 'Hello';
  const signature = input.locale === 'fr' ? `L'équipe de ${input.organisationName}` : `The ${input.organisationName} team`;
  return { to: input.to, template: `application-decision-${input.decision}`, subject: text.subject, text: `${greeting},\n\n${body}\n\n${signature}\n` };
}
