import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  NotificationPreferencesView,
  NotificationRpc,
  RpcRequest,
  UpdateNotificationPreferencesDto,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { PreferencesService } from './preferences.service';

/** The caller's notification preferences, over RPC. */
@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @RpcHandler(NotificationRpc.getPreferences)
  get(@Payload() req: RpcRequest<unknown>): Promise<NotificationPreferencesView> {
    return this.preferences.get(requireCaller(req));
  }

  @RpcHandler(NotificationRpc.setPreferences)
  set(
    @Payload(new RpcInput(UpdateNotificationPreferencesDto))
    req: RpcRequest<UpdateNotificationPreferencesDto>,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.set(requireCaller(req), req.data.email);
  }
}
