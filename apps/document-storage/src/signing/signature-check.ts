import { createHash } from 'node:crypto';
import { extractSignature } from '@signpdf/utils';
import forge from 'node-forge';
import { commonName } from './pkcs12-signer';

export type SignatureVerdict = { valid: true; signer: string } | { valid: false; reason: string };

const MESSAGE_DIGEST = forge.pki.oids.messageDigest;

/**
 * Checks a PDF's PAdES signature cryptographically: the /ByteRange covers the whole file but
 * the signature, the CMS's message digest is the SHA-256 of those bytes, the signed attributes
 * are signed by the certificate's key, and the certificate was issued by one of `roots` and
 * is valid now. Never throws on a malformed file: it is simply not valid.
 */
export function checkSignature(pdf: Buffer, roots: forge.pki.Certificate[]): SignatureVerdict {
  try {
    return check(pdf, roots);
  } catch {
    return { valid: false, reason: 'unreadable signature' };
  }
}

function check(pdf: Buffer, roots: forge.pki.Certificate[]): SignatureVerdict {
  const { ByteRange, signature, signedData } = extractSignature(pdf);
  const [start, firstLength, secondStart, secondLength] = ByteRange as number[];
  if (start !== 0 || secondStart + secondLength !== pdf.length || secondStart <= firstLength) {
    return { valid: false, reason: 'the signature does not cover the whole file' };
  }
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(signature)) as unknown as {
    certificates: forge.pki.Certificate[];
    rawCapture: { signerInfos: forge.asn1.Asn1[] };
  };
  const signerInfo = captureSignerInfo(message.rawCapture.signerInfos[0]);
  const cert = message.certificates.find(
    (c) => c.serialNumber.toLowerCase() === signerInfo.serial.toLowerCase(),
  );
  if (!cert) return { valid: false, reason: 'no signer certificate' };

  const digest = signerInfo.attributes
    .map((a) => a.value as forge.asn1.Asn1[])
    .find((a) => forge.asn1.derToOid(a[0].value as string) === MESSAGE_DIGEST);
  const signedDigest = digest ? ((digest[1].value as forge.asn1.Asn1[])[0].value as string) : null;
  const actualDigest = createHash('sha256').update(signedData).digest('binary');
  if (signedDigest !== actualDigest) return { valid: false, reason: 'the content was changed' };

  const attributes = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.SET,
    true,
    signerInfo.attributes,
  );
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(attributes).getBytes());
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  if (!publicKey.verify(md.digest().bytes(), signerInfo.signature)) {
    return { valid: false, reason: 'the signature does not match' };
  }
  const now = new Date();
  if (now < cert.validity.notBefore || now > cert.validity.notAfter) {
    return { valid: false, reason: 'the certificate is not valid now' };
  }
  if (!roots.some((root) => issuedBy(cert, root))) {
    return { valid: false, reason: 'the certificate is not from a trusted authority' };
  }
  return { valid: true, signer: commonName(cert) };
}

function issuedBy(cert: forge.pki.Certificate, root: forge.pki.Certificate): boolean {
  try {
    return root.verify(cert);
  } catch {
    return false;
  }
}

/** SignerInfo ::= SEQUENCE { version, issuerAndSerialNumber, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, … } */
function captureSignerInfo(asn1: forge.asn1.Asn1): {
  serial: string;
  attributes: forge.asn1.Asn1[];
  signature: string;
} {
  const parts = asn1.value as forge.asn1.Asn1[];
  const issuerAndSerial = parts[1].value as forge.asn1.Asn1[];
  const signed = parts.find(
    (p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0,
  );
  const signature = parts.find(
    (p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING,
  );
  if (!signed || !signature) throw new Error('not a SignerInfo with signed attributes');
  return {
    serial: forge.util.createBuffer(issuerAndSerial[1].value as string).toHex(),
    attributes: signed.value as forge.asn1.Asn1[],
    signature: signature.value as string,
  };
}
