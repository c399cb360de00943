import forge from 'node-forge';
import { DocumentSigner, IssuingAgency } from './document-signer';

/** Where the PKCS#12 of each agency and the trusted roots come from. */
export interface SigningKeys {
  p12(agency: IssuingAgency): Promise<{ p12: Buffer; passphrase: string }>;
  roots(): Promise<forge.pki.Certificate[]>;
}

/** An agency's key with its certificate and the chain that goes into each signature. */
interface AgencyKey {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
}

/**
 * Signs with the agency's PKCS#12 (RSA + SHA-256, detached CMS with the certificate chain), as
 * Adobe's adbe.pkcs7.detached expects. The PKCS#12 is opened once per agency and kept: opening
 * it derives the key from the passphrase, which costs more than the signature itself.
 */
export class Pkcs12DocumentSigner extends DocumentSigner {
  private readonly opened = new Map<string, Promise<AgencyKey>>();

  constructor(private readonly keys: SigningKeys) {
    super();
  }

  async sign(signedBytes: Buffer, agency: IssuingAgency): Promise<Buffer> {
    const { key, certificate, chain } = await this.keyOf(agency);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(signedBytes.toString('binary'));
    chain.forEach((cert) => p7.addCertificate(cert));
    // The order of the authenticated attributes matters to EU validators.
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: new Date() as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }

  async signerName(agency: IssuingAgency): Promise<string> {
    return commonName((await this.keyOf(agency)).certificate);
  }

  trustedRoots(): Promise<forge.pki.Certificate[]> {
    return this.keys.roots();
  }

  private keyOf(agency: IssuingAgency): Promise<AgencyKey> {
    let opened = this.opened.get(agency.code);
    if (!opened) {
      opened = this.keys.p12(agency).then(({ p12, passphrase }) => open(p12, passphrase));
      // A failure (no key yet, a wrong passphrase) is not kept: the next call tries again.
      opened.catch(() => this.opened.delete(agency.code));
      this.opened.set(agency.code, opened);
    }
    return opened;
  }
}

function open(p12: Buffer, passphrase: string): AgencyKey {
  const store = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    false,
    passphrase,
  );
  const chain = (store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const keyBag = store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
    forge.pki.oids.pkcs8ShroudedKeyBag
  ]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('The PKCS#12 holds no private key');
  const certificate = chain.find(
    (cert) => (cert.publicKey as forge.pki.rsa.PublicKey).n.compareTo(key.n) === 0,
  );
  if (!certificate) throw new Error('The PKCS#12 holds no certificate of its private key');
  return { key, certificate, chain };
}

export function commonName(cert: forge.pki.Certificate): string {
  const value = cert.subject.getField('CN')?.value as unknown;
  // forge writes a UTF8String from text but reads back its UTF-8 bytes
  return typeof value === 'string' ? forge.util.decodeUtf8(value) : '';
}
