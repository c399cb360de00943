import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { IssuingAgency } from './document-signer';
import type { SigningKeys } from './pkcs12-signer';

/**
 * Production: each agency's PKCS#12 as a mounted secret (`<directory>/<agency code>.p12`),
 * one passphrase, and the roots verification trusts. An agency without a key cannot issue.
 */
export class SecretSigningKeys implements SigningKeys {
  private rootCertificates: Promise<forge.pki.Certificate[]> | null = null;

  constructor(
    private readonly directory: string,
    private readonly passphrase: string,
    private readonly rootsFile: string,
  ) {}

  async p12(agency: IssuingAgency): Promise<{ p12: Buffer; passphrase: string }> {
    if (!/^[\w.-]+$/.test(agency.code)) throw new Error(`Bad agency code ${agency.code}`);
    return {
      p12: await readFile(join(this.directory, `${agency.code}.p12`)),
      passphrase: this.passphrase,
    };
  }

  roots(): Promise<forge.pki.Certificate[]> {
    this.rootCertificates ??= readFile(this.rootsFile, 'utf8').then((pem) =>
      (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
        (one) => forge.pki.certificateFromPem(one),
      ),
    );
    return this.rootCertificates;
  }
}
