import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { IssuingAgency } from './document-signer';
import type { SigningKeys } from './pkcs12-signer';

/** Development only: everyone can read it in the source, so nothing it signs is worth trusting. */
export const DEVELOPMENT_P12_PASSPHRASE = 'development';
const ROOT_CERT = 'root-ca.pem';
const ROOT_KEY = 'root-ca.key.pem';
const AGENCY_KEY = 'agency.key.pem';
const YEARS = 10;

/**
 * The development root CA ("DVC Development Root CA") and one certificate per agency, made on
 * first use and kept under `directory` (the app's data directory, never committed). A PDF
 * reader trusts the signatures once `root-ca.pem` is added to its trusted certificates.
 * The agencies' certificates share one key pair, made at start with the root: a first
 * signature then costs a certificate, not an RSA key generation inside someone's request.
 */
export class DevelopmentSigningKeys implements SigningKeys {
  private root: Promise<{ cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }> | null =
    null;
  private agencyKey: Promise<forge.pki.rsa.KeyPair> | null = null;
  private readonly agencies = new Map<string, Promise<Buffer>>();

  constructor(private readonly directory: string) {}

  /** Creates the root CA when missing; answers the path of its certificate. */
  async ensureRoot(): Promise<string> {
    await this.rootCa();
    await this.agencyKeyPair();
    return join(this.directory, ROOT_CERT);
  }

  async roots(): Promise<forge.pki.Certificate[]> {
    return [(await this.rootCa()).cert];
  }

  async p12(agency: IssuingAgency): Promise<{ p12: Buffer; passphrase: string }> {
    let p12 = this.agencies.get(agency.code);
    if (!p12) {
      p12 = this.agencyP12(agency);
      this.agencies.set(agency.code, p12);
      p12.catch(() => this.agencies.delete(agency.code));
    }
    return { p12: await p12, passphrase: DEVELOPMENT_P12_PASSPHRASE };
  }

  private rootCa(): Promise<{ cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }> {
    this.root ??= this.loadOrCreateRoot();
    return this.root;
  }

  private async loadOrCreateRoot(): Promise<{
    cert: forge.pki.Certificate;
    key: forge.pki.rsa.PrivateKey;
  }> {
    const [certPem, keyPem] = await Promise.all([
      readIfExists(join(this.directory, ROOT_CERT)),
      readIfExists(join(this.directory, ROOT_KEY)),
    ]);
    if (certPem && keyPem) {
      return {
        cert: forge.pki.certificateFromPem(certPem.toString()),
        key: forge.pki.privateKeyFromPem(keyPem.toString()),
      };
    }
    const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    const subject = [
      { name: 'commonName', value: 'DVC Development Root CA' },
      { name: 'organizationName', value: 'DVC (development only)' },
      { name: 'countryName', value: 'VN' },
    ];
    const cert = newCertificate(keys.publicKey, subject, subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    await mkdir(this.directory, { recursive: true });
    await writeAtomically(
      join(this.directory, ROOT_KEY),
      forge.pki.privateKeyToPem(keys.privateKey),
    );
    await writeAtomically(join(this.directory, ROOT_CERT), forge.pki.certificateToPem(cert));
    return { cert, key: keys.privateKey };
  }

  private agencyKeyPair(): Promise<forge.pki.rsa.KeyPair> {
    this.agencyKey ??= (async () => {
      const file = join(this.directory, AGENCY_KEY);
      const pem = await readIfExists(file);
      if (pem) {
        const privateKey = forge.pki.privateKeyFromPem(pem.toString());
        return { privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
      }
      const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
      await mkdir(this.directory, { recursive: true });
      await writeAtomically(file, forge.pki.privateKeyToPem(keys.privateKey));
      return keys;
    })();
    return this.agencyKey;
  }

  private async agencyP12(agency: IssuingAgency): Promise<Buffer> {
    const file = join(this.directory, 'agencies', `${agency.code}.p12`);
    const existing = await readIfExists(file);
    if (existing) return existing;
    const root = await this.rootCa();
    const keys = await this.agencyKeyPair();
    const cert = newCertificate(
      keys.publicKey,
      [
        { name: 'commonName', value: agency.name, valueTagClass: UTF8 },
        { name: 'organizationalUnitName', value: agency.code },
        { name: 'countryName', value: 'VN' },
      ],
      root.cert.subject.attributes,
    );
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    ]);
    cert.sign(root.key, forge.md.sha256.create());
    const p12 = forge.pkcs12.toPkcs12Asn1(
      keys.privateKey,
      [cert, root.cert],
      DEVELOPMENT_P12_PASSPHRASE,
      {
        algorithm: '3des',
      },
    );
    const bytes = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    await mkdir(join(this.directory, 'agencies'), { recursive: true });
    await writeAtomically(file, bytes);
    return bytes;
  }
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function newCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + YEARS * 365 * 24 * 3600_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  return cert;
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Two instances starting together each write whole files; the last rename wins. */
async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, data, { mode: 0o600 });
  await rename(temporary, path);
}
