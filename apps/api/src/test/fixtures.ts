/** Valid SIRENs (Luhn) that no other test uses: 9 digits built from a counter plus a check digit. */
let sirenCounter = Math.floor(Math.random() * 1e6);
export function freshSiren(): string {
  const body = String(10_000_000 + (sirenCounter++ % 89_999_999)).padStart(8, '0');
  for (let check = 0; check <= 9; check++) {
    const candidate = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let digit = Number(candidate[8 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}
