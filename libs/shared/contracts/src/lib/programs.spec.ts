import { canTransition, ENROLLMENT_STATUSES, isValidSiren } from './programs';

describe('isValidSiren', () => {
  it('accepts real SIRENs (Luhn checksum)', () => {
    expect(isValidSiren('732829320')).toBe(true); // a well-known French company
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true); // La Poste, the documented exception
  });

  it('refuses a wrong check digit, wrong length or non-digits', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(isValidSiren('73282932A')).toBe(false);
    expect(isValidSiren('')).toBe(false);
  });
});

describe('enrollment transitions', () => {
  it('follows applied → admitted → active → graduated, with withdrawal before graduation', () => {
    expect(canTransition('applied', 'admitted')).toBe(true);
    expect(canTransition('admitted', 'active')).toBe(true);
    expect(canTransition('active', 'graduated')).toBe(true);
    expect(canTransition('active', 'withdrawn')).toBe(true);
  });

  it('refuses skipping steps, going back, and leaving a final status', () => {
    expect(canTransition('applied', 'active')).toBe(false);
    expect(canTransition('active', 'admitted')).toBe(false);
    for (const to of ENROLLMENT_STATUSES) {
      expect(canTransition('graduated', to)).toBe(false);
      expect(canTransition('withdrawn', to)).toBe(false);
    }
  });
});
