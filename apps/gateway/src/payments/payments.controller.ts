import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CheckoutDto,
  CheckoutView,
  ListPaymentsQuery,
  Page,
  PaymentPage,
  PaymentRpc,
  PaymentView,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { PAYMENT_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { StorageFiles } from '../files/storage-files';
import { PaymentParams, assertCommitment } from './payments.dto';

/** Giao dịch: a citizen's own payments (anyone else's answer 404, docs/design.md §5). */
@ApiTags('Giao dịch / Payments')
@ApiProblems()
@ApiBearerAuth()
@Roles('citizen')
@Controller('payments')
export class PaymentsController {
  constructor(
    @Inject(PAYMENT_RPC) private readonly payments: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Giao dịch của tôi / My payments (filter by status)' })
  @ApiOkResponse({ type: PaymentPage })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: ListPaymentsQuery,
  ): Promise<Page<PaymentView>> {
    return sendRpc(this.payments, PaymentRpc.list, ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết giao dịch / One of my payments' })
  @ApiOkResponse({ type: PaymentView })
  get(@CallContext() ctx: CallContext, @Param() params: PaymentParams): Promise<PaymentView> {
    return sendRpc(this.payments, PaymentRpc.get, ctx, { paymentId: params.id });
  }

  @Post(':id/checkout')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Tiếp tục thanh toán / Check out → { paymentUrl } (needs commitment: true)',
  })
  @ApiOkResponse({ type: CheckoutView })
  checkout(
    @CallContext() ctx: CallContext,
    @Param() params: PaymentParams,
    @Body() body: CheckoutDto,
  ): Promise<CheckoutView> {
    assertCommitment(body);
    return sendRpc(this.payments, PaymentRpc.checkout, ctx, { paymentId: params.id, ...body });
  }

  @Get(':id/receipt')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Tải biên lai / Download the receipt (PDF) of a paid payment' })
  async receipt(
    @CallContext() ctx: CallContext,
    @Param() params: PaymentParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The receipt signed by the agency, stored as the payer's file.
    const { fileId } = await sendRpc(this.payments, PaymentRpc.authorizeReceipt, ctx, {
      paymentId: params.id,
    });
    await this.files.download(reply, fileId, { ownerId: ctx.caller!.accountId }, ctx);
  }
}
