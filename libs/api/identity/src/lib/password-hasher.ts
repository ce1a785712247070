import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes). @node-rs/argon2 ships prebuilt
 * binaries with no install script (the `argon2` package's binary crashes on these machines).
 */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, which isolated modules cannot read */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher {
  /** Verified when the email is unknown, so a wrong email costs as much time as a wrong password. */
  private readonly decoy = hash('decoy-password-never-used', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
