import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChangePasswordDto,
  ForgotPasswordDto,
  IdentityRpc,
  ResetPasswordDto,
  RpcRequest,
} from '@dvc/contracts';
import { RpcInput, requestContextOf, requireCaller } from '@dvc/messaging';
import { PasswordChangedView, ResetRequestedView } from './passwords.dto';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @MessagePattern(IdentityRpc.changePassword)
  change(
    @Payload(new RpcInput(ChangePasswordDto)) req: RpcRequest<ChangePasswordDto>,
  ): Promise<PasswordChangedView> {
    return this.passwords.change(requireCaller(req), req.data, requestContextOf(req));
  }

  @MessagePattern(IdentityRpc.forgotPassword)
  forgot(
    @Payload(new RpcInput(ForgotPasswordDto)) req: RpcRequest<ForgotPasswordDto>,
  ): Promise<ResetRequestedView> {
    return this.passwords.requestReset(req.data, requestContextOf(req));
  }

  @MessagePattern(IdentityRpc.resetPassword)
  reset(
    @Payload(new RpcInput(ResetPasswordDto)) req: RpcRequest<ResetPasswordDto>,
  ): Promise<PasswordChangedView> {
    return this.passwords.reset(req.data, requestContextOf(req));
  }
}
