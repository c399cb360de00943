import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PaymentMethodView, PaymentRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { PAYMENT_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

/** Phương thức thanh toán: the same for everyone. */
@ApiTags('Giao dịch / Payments')
@ApiProblems()
@Public()
@Controller('payment-methods')
export class PaymentMethodsController {
  constructor(@Inject(PAYMENT_RPC) private readonly payments: RpcClient) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Phương thức thanh toán / Payment methods' })
  @ApiOkResponse({ type: [PaymentMethodView] })
  list(@CallContext() ctx: CallContext): Promise<PaymentMethodView[]> {
    return sendRpc(this.payments, PaymentRpc.listMethods, ctx, {});
  }
}
