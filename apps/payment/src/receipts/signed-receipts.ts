import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RpcQueues, StorageRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { PaymentConfig } from '../payment.config';
import { receiptPdf } from './receipt-pdf';
import type { ReceiptData } from './receipts.repository';
import { ReceiptsRepository } from './receipts.repository';

export const STORAGE_RPC = Symbol('STORAGE_RPC');

export const storageClient = {
  provide: STORAGE_RPC,
  inject: [PaymentConfig],
  useFactory: (config: PaymentConfig) =>
    new RpcClient('document-storage', RpcQueues.storage, config.AMQP_URL, config.RPC_TIMEOUT_MS),
};

/**
 * The receipt as a legal document: drawn here, signed by the agency in document-storage (QR
 * code to `/xac-thuc/<code>`, PAdES), the first time it is asked for. Storage issues one copy
 * per payment (`payment-receipt:<id>`), so two first downloads at once get the same file.
 */
@Injectable()
export class SignedReceipts implements OnApplicationBootstrap {
  constructor(
    @Inject(STORAGE_RPC) private readonly storage: RpcClient,
    private readonly receipts: ReceiptsRepository,
  ) {}

  /** The first drawing parses the font (about a second of CPU): done at start, not on a download. */
  async onApplicationBootstrap(): Promise<void> {
    const at = new Date();
    await drawn({
      paymentId: '',
      receiptNumber: 'BL0000-0000000',
      issuedAt: at,
      payerName: 'Nguyễn Văn An',
      dossierCode: '—',
      procedureName: '—',
      agencyCode: '—',
      agencyName: null,
      description: '—',
      amount: 135_000,
      method: null,
      txnRef: '—',
      transactionNo: '—',
      bankCode: null,
      paidAt: at,
      signed: null,
    });
  }

  async signedCopy(
    receipt: ReceiptData,
    ownerId: string,
    correlationId: string | null,
  ): Promise<{ fileId: string; verificationCode: string }> {
    if (receipt.signed) return receipt.signed;
    const issued = await this.storage.send(StorageRpc.issueDocument, {
      caller: null,
      correlationId,
      data: {
        internal: true,
        documentType: 'payment-receipt',
        sourceKey: `payment-receipt:${receipt.paymentId}`,
        ownerId,
        dossierCode: receipt.dossierCode,
        agency: { code: receipt.agencyCode, name: receipt.agencyName ?? receipt.agencyCode },
        fileName: `bien-lai-${receipt.receiptNumber}.pdf`,
        pdf: (await drawn(receipt)).toString('base64'),
      },
    });
    const signed = { fileId: issued.fileId, verificationCode: issued.verificationCode };
    await this.receipts.markSigned(receipt.paymentId, signed);
    return signed;
  }
}

function drawn(receipt: ReceiptData): Promise<Buffer> {
  const doc = receiptPdf(receipt);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
