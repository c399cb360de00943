import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BadRequestError, CheckoutDto } from '@dvc/contracts';

export class PaymentParams {
  @ApiProperty()
  @IsUUID()
  id: string;
}

/**
 * "Tôi cam kết…": checkout needs `commitment: true`. Checked here before any RPC, with its
 * own problem code (the payment service checks it again).
 */
export function assertCommitment(body: CheckoutDto): void {
  if (body.commitment !== true) {
    throw new BadRequestError(
      'payment.commitment_required',
      'Vui lòng xác nhận cam kết thông tin kê khai là đúng sự thật trước khi thanh toán.',
      [{ field: 'commitment', message: 'phải là true' }],
    );
  }
}
