import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, LoginDto, RefreshDto, RpcRequest, TokenPair } from '@dvc/contracts';
import { RpcInput, requestContextOf } from '@dvc/messaging';
import { LoggedOutView } from './sessions.dto';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(IdentityRpc.login)
  login(@Payload(new RpcInput(LoginDto)) req: RpcRequest<LoginDto>): Promise<TokenPair> {
    return this.sessions.login(req.data, requestContextOf(req));
  }

  @MessagePattern(IdentityRpc.refresh)
  refresh(@Payload(new RpcInput(RefreshDto)) req: RpcRequest<RefreshDto>): Promise<TokenPair> {
    return this.sessions.refresh(req.data, requestContextOf(req));
  }

  /** The refresh token is optional when the caller's session (sid) comes with the request. */
  @MessagePattern(IdentityRpc.logout)
  logout(
    @Payload(new RpcInput(RefreshDto, { allMissing: true })) req: RpcRequest<Partial<RefreshDto>>,
  ): Promise<LoggedOutView> {
    return this.sessions.logout(req.caller, req.data, requestContextOf(req));
  }
}
