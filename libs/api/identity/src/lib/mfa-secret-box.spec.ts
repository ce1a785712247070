import { MfaSecretBox } from './mfa-secret-box';

describe('MfaSecretBox', () => {
  const box = new MfaSecretBox('a-jwt-secret-of-at-least-thirty-two-chars');

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a box sealed with another key or tampered with', () => {
    const sealed = box.seal('secret');
    expect(new MfaSecretBox('another-jwt-secret-of-thirty-two-chars').open(sealed)).toBeNull();
    const [v, iv, tag, data] = sealed.split('.');
    // Another first character, always (writing 'A' over an 'A' — 1 seal in 64 — tampered with nothing: a flaky test).
    const tampered = `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}`;
    expect(tampered).not.toBe(data);
    expect(box.open([v, iv, tag, tampered].join('.'))).toBeNull();
    expect(box.open('garbage')).toBeNull();
  });
});
