import { Module } from '@nestjs/common';
import { PaymentMethodsController } from './payment-methods.controller';
import { StorageFiles } from '../files/storage-files';
import { PaymentsController } from './payments.controller';
import { VnpayCallbacksController } from './vnpay-callbacks.controller';

/** Giao dịch: payments, methods, the provider's callbacks and the receipt stream. */
@Module({
  controllers: [VnpayCallbacksController, PaymentsController, PaymentMethodsController],
  providers: [StorageFiles],
})
export class PaymentsModule {}
