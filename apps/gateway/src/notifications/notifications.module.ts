import { Module } from '@nestjs/common';
import { BellHub } from './bell-hub';
import { BellStreams } from './bell-streams';
import { notificationRpcClient } from './notification-rpc';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** The bell: list, mark read, live stream (SSE fed by Redis pub/sub), email preferences. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [notificationRpcClient, BellHub, BellStreams],
})
export class NotificationsModule {}
