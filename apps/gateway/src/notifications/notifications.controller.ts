import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import {
  ListNotificationsQuery,
  MarkAllReadView,
  NotificationListView,
  NotificationRpc,
  NotificationView,
  NotificationErrors,
  DomainError,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { OptionalHeader } from '../http/optional-header';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { sendRpc } from '../rpc/send-rpc';
import { BellStreams } from './bell-streams';
import { NOTIFICATION_RPC } from '../rpc/rpc.module';
import {
  LocaleQuery,
  NotificationParams,
  accessTokenExpiry,
  readerLocale,
} from './notifications.dto';

/** The bell ("chuông thông báo") of the signed-in account: its own notifications only. */
@ApiTags('Thông báo / Notifications')
@ApiProblems()
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @Inject(NOTIFICATION_RPC) private readonly notifications: RpcClient,
    private readonly streams: BellStreams,
  ) {}

  @Get()
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Ngôn ngữ khi không có `locale` / Language when `locale` is absent',
  })
  @ApiOperation({ summary: 'Danh sách thông báo / My notifications (newest first)' })
  @ApiOkResponse({ type: NotificationListView })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: ListNotificationsQuery,
    @OptionalHeader('accept-language') acceptLanguage?: string,
  ): Promise<NotificationListView> {
    return sendRpc(this.notifications, NotificationRpc.list, ctx, {
      ...query,
      locale: readerLocale(query.locale, acceptLanguage),
    });
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark all read' })
  @ApiOkResponse({ type: MarkAllReadView })
  readAll(@CallContext() ctx: CallContext): Promise<MarkAllReadView> {
    return sendRpc(this.notifications, NotificationRpc.markAllRead, ctx, {});
  }

  @Post(':id/read')
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Ngôn ngữ khi không có `locale` / Language when `locale` is absent',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark one read (someone else’s: 404)' })
  @ApiOkResponse({ type: NotificationView })
  read(
    @CallContext() ctx: CallContext,
    @Param() params: NotificationParams,
    @Query() query: LocaleQuery,
    @OptionalHeader('accept-language') acceptLanguage?: string,
  ): Promise<NotificationView> {
    return sendRpc(this.notifications, NotificationRpc.markRead, ctx, {
      id: params.id,
      locale: readerLocale(query.locale, acceptLanguage),
    });
  }

  /**
   * Server-sent events: `event: notification`, `id:` the notification id, data its JSON
   * (as in the list); a comment every 15 s. Authenticated like every route, with the
   * `Authorization: Bearer` header (read it with fetch; EventSource cannot send headers, and
   * tokens are not taken from the URL, where logs and proxies would keep them). Send
   * `Last-Event-ID` on reconnect to get what was missed first. The stream ends when the
   * access token expires: reconnect with a fresh one.
   */
  @Get('stream')
  @ApiOperation({ summary: 'Thông báo trực tiếp (SSE) / Live notifications (SSE)' })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Ngôn ngữ khi không có `locale` / Language when `locale` is absent',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Id of the last notification received',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  async stream(
    @CallContext() ctx: CallContext,
    @Query() query: LocaleQuery,
    @Res() reply: FastifyReply,
    @OptionalHeader('authorization') authorization?: string,
    @OptionalHeader('last-event-id') lastEventId?: string,
    @OptionalHeader('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    if (lastEventId !== undefined && !isUUID(lastEventId)) {
      throw new DomainError(NotificationErrors.badLastEventId);
    }
    await this.streams.open(ctx, reply, {
      locale: readerLocale(query.locale, acceptLanguage),
      lastEventId,
      expiresAt: accessTokenExpiry(authorization),
    });
  }
}
