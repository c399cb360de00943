import { Controller, Get, Param, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PaymentErrors, DomainError } from '@dvc/contracts';
import { InternalTokenGuard, ProblemHttpFilter, attachmentDisposition } from '@dvc/http';
import { receiptPdf } from './receipt-pdf';
import { ReceiptsRepository } from './receipts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Internal HTTP API (PaymentHttp), called by the gateway only, after it asked over RPC
 * whether the caller owns the payment: the receipt PDF, streamed as it is drawn.
 */
@Controller('internal/payments')
@UseGuards(InternalTokenGuard)
@UseFilters(ProblemHttpFilter)
export class ReceiptsHttpController {
  constructor(private readonly receipts: ReceiptsRepository) {}

  @Get(':id/receipt')
  async receipt(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const receipt = UUID.test(id) ? await this.receipts.find(id) : null;
    if (!receipt) throw new DomainError(PaymentErrors.receiptNotFound);
    await reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachmentDisposition(`bien-lai-${receipt.receiptNumber}.pdf`))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(receiptPdf(receipt));
  }
}
