import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListNotificationsQuery,
  MarkAllReadView,
  NotificationListView,
  NotificationRefInput,
  NotificationRpc,
  NotificationView,
  NotificationsAfterInput,
  NotificationsAfterView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { NotificationsService } from './notifications.service';

/** The caller's bell, over RPC. */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @RpcHandler(NotificationRpc.list)
  list(
    @Payload(new RpcInput(ListNotificationsQuery)) req: RpcRequest<ListNotificationsQuery>,
  ): Promise<NotificationListView> {
    return this.notifications.list(requireCaller(req), req.data);
  }

  @RpcHandler(NotificationRpc.markRead)
  markRead(
    @Payload(new RpcInput(NotificationRefInput)) req: RpcRequest<NotificationRefInput>,
  ): Promise<NotificationView> {
    return this.notifications.markRead(requireCaller(req), req.data.id, req.data.locale);
  }

  @RpcHandler(NotificationRpc.markAllRead)
  markAllRead(@Payload() req: RpcRequest<unknown>): Promise<MarkAllReadView> {
    return this.notifications.markAllRead(requireCaller(req));
  }

  @RpcHandler(NotificationRpc.listAfter)
  listAfter(
    @Payload(new RpcInput(NotificationsAfterInput)) req: RpcRequest<NotificationsAfterInput>,
  ): Promise<NotificationsAfterView> {
    return this.notifications.listAfter(requireCaller(req), req.data);
  }
}
