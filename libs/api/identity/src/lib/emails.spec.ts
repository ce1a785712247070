import { invitationEmail, invitationLink, passwordResetEmail, passwordResetLink } from './emails';

const expiresAt = new Date('2026-12-01T17:00:00Z');

describe('identity emails', () => {
  it('writes the invitation in French with the Paris time and the link', () => {
    const mail = invitationEmail({
      to: 'a@b.test',
      locale: 'fr',
      organisationName: 'Demo Tech Park',
      role: 'manager',
      link: invitationLink('http://web.test/', 'tok'),
      expiresAt,
      timeZone: 'Europe/Paris',
    });
    expect(mail.subject).toBe('Invitation à rejoindre Demo Tech Park');
    expect(mail.text).toContain('en tant que gestionnaire');
    expect(mail.text).toContain('1 décembre 2026 à 18:00');
    expect(mail.text).toContain('http://web.test/invitation#token=tok');
    expect(mail.template).toBe('invitation');
  });

  it('writes the invitation in English', () => {
    const mail = invitationEmail({
      to: 'a@b.test',
      locale: 'en',
      organisationName: 'Demo',
      role: 'board',
      link: 'http://x',
      expiresAt,
      timeZone: 'Europe/Paris',
    });
    expect(mail.subject).toBe('Invitation to join Demo');
    expect(mail.text).toContain('as board member');
  });

  it('writes the password reset in the requested language', () => {
    expect(passwordResetEmail({ to: 'a@b.test', locale: 'en', link: 'L', expiresAt }).subject).toBe('Reset your password');
    expect(passwordResetEmail({ to: 'a@b.test', locale: 'fr', link: 'L', expiresAt }).text).toContain('L\n');
    expect(passwordResetEmail({ to: 'a@b.test', locale: 'fr', link: 'L', expiresAt }).template).toBe('password-reset');
  });

  it('puts the token in the fragment, which browsers never send to a server (nor to its logs)', () => {
    const token = 'A'.repeat(43);
    for (const link of [invitationLink('https://web.test', token), passwordResetLink('https://web.test/', token)]) {
      const url = new URL(link);
      expect(url.search).toBe('');
      expect(url.pathname).not.toContain(token);
      expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
    }
    expect(passwordResetLink('https://web.test/', token)).toBe(`https://web.test/reset-password#token=${token}`);
  });
});
