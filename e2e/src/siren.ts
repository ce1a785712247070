/** A valid SIREN from 8 digits: they and the Luhn check digit that completes them. */
export function sirenFrom(first8: string): string {
  for (let check = 0; check < 10; check++) {
    const candidate = first8 + check;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let digit = Number(candidate[8 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one of ten check digits always completes a Luhn number');
}
