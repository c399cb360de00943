import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AccountContactInput,
  AccountContactView,
  ActivationView,
  AgencyOfficersInput,
  AgencyOfficersView,
  IdentityRpc,
  ProfileView,
  RegisterDto,
  ResendActivationDto,
  RegistrationAcceptedView,
  RpcRequest,
  TokenDto,
  UpdateProfileDto,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf, requireCaller } from '@dvc/messaging';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @RpcHandler(IdentityRpc.register)
  register(
    @Payload(new RpcInput(RegisterDto)) req: RpcRequest<RegisterDto>,
  ): Promise<RegistrationAcceptedView> {
    return this.accounts.register(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.resendActivation)
  resendActivation(
    @Payload(new RpcInput(ResendActivationDto)) req: RpcRequest<ResendActivationDto>,
  ): Promise<RegistrationAcceptedView> {
    return this.accounts.resendActivation(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.activate)
  activate(@Payload(new RpcInput(TokenDto)) req: RpcRequest<TokenDto>): Promise<ActivationView> {
    return this.accounts.activate(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.getProfile)
  getProfile(@Payload() req: RpcRequest<unknown>): Promise<ProfileView> {
    return this.accounts.getProfile(requireCaller(req));
  }

  @RpcHandler(IdentityRpc.updateProfile)
  updateProfile(
    @Payload(new RpcInput(UpdateProfileDto)) req: RpcRequest<UpdateProfileDto>,
  ): Promise<ProfileView> {
    return this.accounts.updateProfile(requireCaller(req), req.data);
  }

  @RpcHandler(IdentityRpc.contact)
  contact(
    @Payload(new RpcInput(AccountContactInput)) req: RpcRequest<AccountContactInput>,
  ): Promise<AccountContactView> {
    return this.accounts.contactOf(req.caller, req.data.accountId);
  }

  @RpcHandler(IdentityRpc.agencyOfficers)
  agencyOfficers(
    @Payload(new RpcInput(AgencyOfficersInput)) req: RpcRequest<AgencyOfficersInput>,
  ): Promise<AgencyOfficersView> {
    return this.accounts.officersOf(req.caller, req.data.agencyCode);
  }
}
