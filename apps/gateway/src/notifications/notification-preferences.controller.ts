import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  NotificationPreferencesView,
  NotificationRpc,
  UpdateNotificationPreferencesDto,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { sendRpc } from '../rpc/send-rpc';
import { NOTIFICATION_RPC } from '../rpc/rpc.module';

/**
 * Which emails the signed-in citizen wants, per category (dossier, payment). The bell
 * always rings; account and security emails always go.
 */
@ApiTags('Tài khoản / Me')
@ApiProblems()
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(@Inject(NOTIFICATION_RPC) private readonly notifications: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Tùy chọn nhận email / My email preferences' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  get(@CallContext() ctx: CallContext): Promise<NotificationPreferencesView> {
    return sendRpc(this.notifications, NotificationRpc.getPreferences, ctx, {});
  }

  @Put()
  @ApiOperation({ summary: 'Bật/tắt email theo loại / Turn emails on or off per category' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  set(
    @CallContext() ctx: CallContext,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return sendRpc(this.notifications, NotificationRpc.setPreferences, ctx, body);
  }
}
