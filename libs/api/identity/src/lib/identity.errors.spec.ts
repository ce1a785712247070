import { errorCatalogue, placeholders } from '@incubator/api/errors';
import './identity.errors';

describe('identity errors', () => {
  const entries = [...errorCatalogue()].filter(([code]) => code.startsWith('identity.'));

  it('are declared, each with a French and an English text naming the same details', () => {
    expect(entries.length).toBeGreaterThan(20);
    for (const [code, entry] of entries) {
      for (const text of [entry.message, ...Object.values(entry.fields ?? {})]) {
        expect({ code, fr: placeholders(text.fr) }).toEqual({ code, fr: placeholders(text.en) });
        expect({ code, typewriterApostrophe: text.fr.includes("'") }).toEqual({ code, typewriterApostrophe: false });
      }
    }
  });

  it('never tell an unknown e-mail from a wrong password', () => {
    const refusal = errorCatalogue().get('identity.invalid_credentials');
    expect(refusal?.status).toBe(401);
    expect(refusal?.message.en).toBe('Invalid email or password.');
  });
});
