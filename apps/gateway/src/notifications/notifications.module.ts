import { Module } from '@nestjs/common';
import { RevokedSessions } from '../auth/revoked-sessions';
import { BellHub } from './bell-hub';
import { BellStreams } from './bell-streams';

import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** The bell: list, mark read, live stream (SSE fed by Redis pub/sub), email preferences. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [BellHub, BellStreams, RevokedSessions],
})
export class NotificationsModule {}
