import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CheckoutDto, PaymentErrors, DomainError } from '@dvc/contracts';

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
    throw new DomainError(PaymentErrors.commitmentRequired, {
      errors: [{ field: 'commitment', message: 'phải là true' }],
    });
  }
}
