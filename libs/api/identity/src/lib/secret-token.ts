import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe token for links and refresh; only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex: enough for 256-bit random tokens (no brute force possible), and indexable. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
