import { Controller, Get, Headers, Param, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PaymentErrors, DomainError, PaymentHttp } from '@dvc/contracts';
import { InternalTokenGuard, ProblemHttpFilter, attachmentDisposition } from '@dvc/http';
import { receiptPdf } from './receipt-pdf';
import { ReceiptsRepository } from './receipts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Internal HTTP API (PaymentHttp), called by the gateway only, after it asked over RPC
 * whether the caller owns the payment: the receipt PDF, streamed as it is drawn, and only to
 * the owner it names (never a receipt by id alone).
 */
@Controller('internal/payments')
@UseGuards(InternalTokenGuard)
@UseFilters(ProblemHttpFilter)
export class ReceiptsHttpController {
  constructor(private readonly receipts: ReceiptsRepository) {}

  @Get(':id/receipt')
  async receipt(
    @Param('id') id: string,
    @Headers(PaymentHttp.headers.owner) owner: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!owner || !UUID.test(owner)) {
      throw new DomainError(PaymentErrors.receiptOwnerRequired, {
        errors: [{ field: PaymentHttp.headers.owner, message: 'phải là mã tài khoản (UUID)' }],
      });
    }
    const receipt = UUID.test(id) ? await this.receipts.find(id, owner.toLowerCase()) : null;
    if (!receipt) throw new DomainError(PaymentErrors.receiptNotFound);
    await reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachmentDisposition(`bien-lai-${receipt.receiptNumber}.pdf`))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(receiptPdf(receipt));
  }
}
