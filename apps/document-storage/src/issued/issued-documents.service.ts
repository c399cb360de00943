import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import {
  DomainError,
  IssueDocumentInput,
  IssueResultInput,
  IssuedDocumentView,
  StorageErrors,
  VerificationView,
  VerifyCodeInput,
} from '@dvc/contracts';
import { FileNotFoundError, FileTooLargeError } from '../files/file.errors';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, cleanKey } from '../object-store/object-store';
import { Requester, assertService } from '../requester';
import { DocumentSigner, IssuingAgency } from '../signing/document-signer';
import { checkSignature } from '../signing/signature-check';
import { UnreadablePdfError, signedPdf } from '../signing/signed-pdf';
import { StorageConfig } from '../storage.config';
import { coverSheetPdf } from './cover-sheet';
import {
  IssuedDocumentRow,
  mapIssuedDocumentView,
  mapVerificationView,
} from './issued-documents.dto';
import { IssuedDocumentsRepository, NewIssuedDocument } from './issued-documents.repository';
import { isVerificationCode, newVerificationCode, verificationCodeIn } from './verification-code';

interface Issue {
  unsigned: Buffer;
  fileName: string;
  ownerId: string;
  record: Omit<NewIssuedDocument, 'verificationCode' | 'signer' | 'sha256' | 'fileId'>;
}

/**
 * Giấy tờ điện tử có ký số: issues legal documents signed by their agency with a QR code to
 * the verification page, and verifies them (by code, or by the bytes of a copy).
 */
@Injectable()
export class IssuedDocumentsService {
  constructor(
    private readonly issued: IssuedDocumentsRepository,
    private readonly files: FilesRepository,
    private readonly store: ObjectStore,
    private readonly signer: DocumentSigner,
    private readonly dataSource: DataSource,
    private readonly config: StorageConfig,
  ) {}

  /**
   * The officer's result on `complete`: a PDF is signed (a new file, the upload stays as it
   * was); anything else is kept and gets a signed cover sheet. Issuing a file twice answers
   * the first issue.
   */
  async issueResult(requester: Requester, input: IssueResultInput): Promise<IssuedDocumentView> {
    assertService(requester);
    const already = await this.issued.findBySource(input.fileId);
    if (already) return mapIssuedDocumentView(already);
    const source = await this.files.find(input.fileId);
    if (!source || source.status !== 'clean') throw new FileNotFoundError();
    const record = {
      documentType: 'result' as const,
      dossierCode: input.dossierCode,
      agency: input.agency,
      sourceFileId: source.id,
    };
    if (source.content_type === 'application/pdf') {
      const bytes = await this.readObject(source.id);
      // A PDF signed already, or one pdf-lib cannot rewrite, keeps its bytes: cover sheet.
      if (!bytes.includes('/ByteRange')) {
        const signed = await this.issue({
          unsigned: bytes,
          fileName: source.file_name,
          ownerId: source.owner_id,
          record,
        }).catch((err: unknown) =>
          err instanceof UnreadablePdfError ? null : Promise.reject(err),
        );
        if (signed) return signed;
      }
    }
    const cover = await coverSheetPdf({
      fileName: source.file_name,
      size: Number(source.size),
      sha256: source.sha256,
      dossierCode: input.dossierCode,
      agencyName: input.agency.name,
    });
    return this.issue({
      unsigned: cover,
      fileName: `${source.file_name.replace(/\.[^.]*$/, '')}-trang-bia.pdf`,
      ownerId: source.owner_id,
      record,
    });
  }

  /**
   * A document a service drew (receipt, payment receipt, apology letter): stamped and signed
   * by the agency. Issuing the same `sourceKey` twice answers the first issue, so a caller's
   * retry never makes a second valid copy.
   */
  async issueDocument(
    requester: Requester,
    input: IssueDocumentInput,
  ): Promise<IssuedDocumentView> {
    assertService(requester);
    const already = await this.issued.findBySourceKey(input.sourceKey);
    if (already) return mapIssuedDocumentView(already);
    const unsigned = Buffer.from(input.pdf, 'base64');
    if (!unsigned.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new DomainError(StorageErrors.fileTypeNotAllowed);
    }
    const issuing = this.issue({
      unsigned,
      fileName: input.fileName,
      ownerId: input.ownerId,
      record: {
        documentType: input.documentType,
        dossierCode: input.dossierCode,
        agency: input.agency,
        sourceFileId: null,
        sourceKey: input.sourceKey,
      },
    });
    // Two callers at once: the unique source key lets one insert, the other reads its issue.
    return issuing.catch(async (err: unknown) => {
      const first = await this.issued.findBySourceKey(input.sourceKey);
      if (first) return mapIssuedDocumentView(first);
      throw err;
    });
  }

  /** By the code under the QR: the stored document is re-checked each time. */
  async verifyCode(input: VerifyCodeInput): Promise<VerificationView> {
    const row = isVerificationCode(input.verificationCode)
      ? await this.issued.find(input.verificationCode)
      : null;
    if (!row) throw unknownDocument();
    return this.verdict(row, await this.readObject(row.file_id));
  }

  /**
   * A copy someone holds: valid only when its bytes are exactly an issued document and its
   * signature checks. A changed copy is recognised by the code it carries, and is not valid.
   */
  async verifyCopy(body: AsyncIterable<Buffer>): Promise<VerificationView> {
    const bytes = await readCapped(body, this.config.MAX_FILE_BYTES);
    const row = (await this.issued.findBySha256(sha256Of(bytes))) ?? (await this.byCodeIn(bytes));
    if (!row) throw unknownDocument();
    return this.verdict(row, bytes);
  }

  private async byCodeIn(bytes: Buffer): Promise<IssuedDocumentRow | null> {
    const code = verificationCodeIn(bytes);
    return code ? this.issued.find(code) : null;
  }

  private async verdict(row: IssuedDocumentRow, bytes: Buffer): Promise<VerificationView> {
    const exact = sha256Of(bytes) === row.sha256;
    const valid = exact && checkSignature(bytes, await this.signer.trustedRoots()).valid;
    return mapVerificationView(row, valid);
  }

  private async issue(doc: Issue): Promise<IssuedDocumentView> {
    const agency: IssuingAgency = doc.record.agency;
    const verificationCode = newVerificationCode();
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/xac-thuc/${verificationCode}`;
    const signed = await signedPdf(
      doc.unsigned,
      { code: verificationCode, url },
      agency,
      this.signer,
    );
    const fileId = randomUUID();
    const sha256 = sha256Of(signed);
    await this.store.putStream(cleanKey(fileId), Readable.from([signed]));
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.files.insert(
          {
            id: fileId,
            ownerId: doc.ownerId,
            purpose: 'result',
            fileName: doc.fileName,
            contentType: 'application/pdf',
            size: signed.length,
            sha256,
            status: 'clean',
          },
          manager,
        );
        await this.issued.insert(
          {
            ...doc.record,
            verificationCode,
            signer: await this.signer.signerName(agency),
            sha256,
            fileId,
          },
          manager,
        );
      });
    } catch (err) {
      await this.store.remove(cleanKey(fileId)).catch(() => undefined);
      throw err;
    }
    await this.files.claim([fileId], null);
    const row = await this.issued.find(verificationCode);
    return mapIssuedDocumentView(row!);
  }

  private async readObject(fileId: string): Promise<Buffer> {
    return readCapped(await this.store.read(cleanKey(fileId)), Number.MAX_SAFE_INTEGER);
  }
}

function unknownDocument(): DomainError {
  return new DomainError(StorageErrors.verificationNotFound);
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readCapped(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
