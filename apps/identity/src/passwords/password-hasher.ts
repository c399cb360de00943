import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id at OWASP's floor (docs/design.md §9: m ≥ 19 MiB, t ≥ 2). */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes and verifies passwords. Input is NFKC-normalised first, so the same Vietnamese
 * password typed with precomposed or combining diacritics is the same password.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: Promise<string> | null = null;

  onModuleInit(): void {
    this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), ARGON2_OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(normalize(password), ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalize(password));
    } catch {
      return false; // a malformed stored hash never authenticates
    }
  }

  /**
   * Spends the same work as a real verification, for an email that has no account, so
   * the answer time does not tell whether the email exists. Always false.
   */
  async verifyNobody(password: string): Promise<false> {
    this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** True when the stored hash was made with weaker parameters than today's. */
  isOutdated(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2_OPTIONS);
    } catch {
      return false;
    }
  }
}

function normalize(password: string): string {
  return password.normalize('NFKC');
}
