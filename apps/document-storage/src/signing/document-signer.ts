import type { pki } from 'node-forge';

/** The agency a document is issued (and signed) in the name of. */
export interface IssuingAgency {
  code: string;
  name: string;
}

/**
 * Signs issued PDFs with the issuing agency's certificate. One implementation reads a PKCS#12
 * per agency (development: made by the development CA; production: from secrets); a remote
 * signing service would be another implementation of the same class.
 */
export abstract class DocumentSigner {
  /**
   * The CMS signature (DER) of a PDF's signed byte ranges, made with the agency's key and
   * carrying its certificate.
   */
  abstract sign(signedBytes: Buffer, agency: IssuingAgency): Promise<Buffer>;
  /** How the signer is named on a verification: the certificate's subject common name. */
  abstract signerName(agency: IssuingAgency): Promise<string>;
  /** The roots a signature's certificate must be issued by. */
  abstract trustedRoots(): Promise<pki.Certificate[]>;
}
