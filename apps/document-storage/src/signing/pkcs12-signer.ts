import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import { DocumentSigner, IssuingAgency } from './document-signer';

/** Where the PKCS#12 of each agency and the trusted roots come from. */
export interface SigningKeys {
  p12(agency: IssuingAgency): Promise<{ p12: Buffer; passphrase: string }>;
  roots(): Promise<forge.pki.Certificate[]>;
}

/** Signs with the agency's PKCS#12 (RSA + SHA-256, detached CMS with the certificate). */
export class Pkcs12DocumentSigner extends DocumentSigner {
  private readonly names = new Map<string, string>();

  constructor(private readonly keys: SigningKeys) {
    super();
  }

  async sign(signedBytes: Buffer, agency: IssuingAgency): Promise<Buffer> {
    const { p12, passphrase } = await this.keys.p12(agency);
    return new P12Signer(p12, { passphrase }).sign(signedBytes);
  }

  async signerName(agency: IssuingAgency): Promise<string> {
    const known = this.names.get(agency.code);
    if (known) return known;
    const { p12, passphrase } = await this.keys.p12(agency);
    const name = commonName(certificateOf(p12, passphrase));
    this.names.set(agency.code, name);
    return name;
  }

  trustedRoots(): Promise<forge.pki.Certificate[]> {
    return this.keys.roots();
  }
}

function certificateOf(p12: Buffer, passphrase: string): forge.pki.Certificate {
  const store = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    passphrase,
  );
  const bags = store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const cert = bags.find((b) => b.cert)?.cert;
  if (!cert) throw new Error('The PKCS#12 holds no certificate');
  return cert;
}

export function commonName(cert: forge.pki.Certificate): string {
  const value = cert.subject.getField('CN')?.value as unknown;
  // forge writes a UTF8String from text but reads back its UTF-8 bytes
  return typeof value === 'string' ? forge.util.decodeUtf8(value) : '';
}
