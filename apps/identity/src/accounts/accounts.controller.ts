import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountContactInput,
  AccountContactView,
  IdentityRpc,
  ProfileView,
  RegisterDto,
  RegistrationAcceptedView,
  RpcRequest,
  TokenDto,
  UpdateProfileDto,
} from '@dvc/contracts';
import { RpcInput, requestContextOf, requireCaller } from '@dvc/messaging';
import { ActivationView } from './accounts.dto';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(IdentityRpc.register)
  register(
    @Payload(new RpcInput(RegisterDto)) req: RpcRequest<RegisterDto>,
  ): Promise<RegistrationAcceptedView> {
    return this.accounts.register(req.data, requestContextOf(req));
  }

  @MessagePattern(IdentityRpc.activate)
  activate(@Payload(new RpcInput(TokenDto)) req: RpcRequest<TokenDto>): Promise<ActivationView> {
    return this.accounts.activate(req.data, requestContextOf(req));
  }

  @MessagePattern(IdentityRpc.getProfile)
  getProfile(@Payload() req: RpcRequest<unknown>): Promise<ProfileView> {
    return this.accounts.getProfile(requireCaller(req));
  }

  @MessagePattern(IdentityRpc.updateProfile)
  updateProfile(
    @Payload(new RpcInput(UpdateProfileDto)) req: RpcRequest<UpdateProfileDto>,
  ): Promise<ProfileView> {
    return this.accounts.updateProfile(requireCaller(req), req.data);
  }

  @MessagePattern(IdentityRpc.contact)
  contact(
    @Payload(new RpcInput(AccountContactInput)) req: RpcRequest<AccountContactInput>,
  ): Promise<AccountContactView> {
    return this.accounts.contactOf(req.caller, req.data.accountId);
  }
}
