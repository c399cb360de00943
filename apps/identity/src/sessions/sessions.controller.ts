import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  LoggedOutView,
  LoginDto,
  RefreshDto,
  RpcRequest,
  TokenPair,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf } from '@dvc/messaging';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @RpcHandler(IdentityRpc.login)
  login(@Payload(new RpcInput(LoginDto)) req: RpcRequest<LoginDto>): Promise<TokenPair> {
    return this.sessions.login(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.refresh)
  refresh(@Payload(new RpcInput(RefreshDto)) req: RpcRequest<RefreshDto>): Promise<TokenPair> {
    return this.sessions.refresh(req.data, requestContextOf(req));
  }

  /** The refresh token is optional when the caller's session (sid) comes with the request. */
  @RpcHandler(IdentityRpc.logout)
  logout(
    @Payload(new RpcInput(RefreshDto, { allMissing: true })) req: RpcRequest<Partial<RefreshDto>>,
  ): Promise<LoggedOutView> {
    return this.sessions.logout(req.caller, req.data, requestContextOf(req));
  }
}
