import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ChangePasswordDto,
  ForgotPasswordDto,
  IdentityRpc,
  PasswordChangedView,
  ResetPasswordDto,
  ResetRequestedView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf, requireCaller } from '@dvc/messaging';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @RpcHandler(IdentityRpc.changePassword)
  change(
    @Payload(new RpcInput(ChangePasswordDto)) req: RpcRequest<ChangePasswordDto>,
  ): Promise<PasswordChangedView> {
    return this.passwords.change(requireCaller(req), req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.forgotPassword)
  forgot(
    @Payload(new RpcInput(ForgotPasswordDto)) req: RpcRequest<ForgotPasswordDto>,
  ): Promise<ResetRequestedView> {
    return this.passwords.requestReset(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.resetPassword)
  reset(
    @Payload(new RpcInput(ResetPasswordDto)) req: RpcRequest<ResetPasswordDto>,
  ): Promise<PasswordChangedView> {
    return this.passwords.reset(req.data, requestContextOf(req));
  }
}
