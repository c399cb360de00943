import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BellHub } from './bell-hub';
import { BellStreams } from './bell-streams';

import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** The bell: list, mark read, live stream (SSE fed by Redis pub/sub), email preferences. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  imports: [AuthModule],
  providers: [BellHub, BellStreams],
})
export class NotificationsModule {}
