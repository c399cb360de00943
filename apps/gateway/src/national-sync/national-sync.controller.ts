import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  FailedHubCallPage,
  HubCallRef,
  HubCatalogueImportInput,
  ListFailedHubCallsQuery,
  NationalSyncRpc,
  NationalSyncSummary,
  Page,
  FailedHubCallView,
  ProcedureImportReport,
  RetriedHubCallView,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { NATIONAL_SYNC_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

/**
 * Đồng bộ với Cổng Dịch vụ công quốc gia (role admin): how far the hub is behind, the calls
 * parked after their retry budget, a retry, and the import of the hub's procedures.
 */
@ApiTags('Quản trị / Admin')
@ApiProblems()
@ApiBearerAuth()
@Controller('admin/national-sync')
@Roles('admin')
export class NationalSyncController {
  constructor(@Inject(NATIONAL_SYNC_RPC) private readonly nationalSync: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Tình trạng đồng bộ / Sync status with the national hub' })
  @ApiOkResponse({ type: NationalSyncSummary })
  summary(@CallContext() ctx: CallContext): Promise<NationalSyncSummary> {
    return sendRpc(this.nationalSync, NationalSyncRpc.summary, ctx, {});
  }

  @Get('failed')
  @ApiOperation({ summary: 'Lượt đồng bộ lỗi / Calls parked after the retry budget' })
  @ApiOkResponse({ type: FailedHubCallPage })
  failed(
    @CallContext() ctx: CallContext,
    @Query() query: ListFailedHubCallsQuery,
  ): Promise<Page<FailedHubCallView>> {
    return sendRpc(this.nationalSync, NationalSyncRpc.listFailed, ctx, {
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Post('failed/:id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Đồng bộ lại / Retry a parked call' })
  @ApiAcceptedResponse({ type: RetriedHubCallView })
  retry(@CallContext() ctx: CallContext, @Param() params: HubCallRef): Promise<RetriedHubCallView> {
    return sendRpc(this.nationalSync, NationalSyncRpc.retryFailed, ctx, { id: params.id });
  }

  @Post('catalogue-import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cập nhật thủ tục từ Cổng DVC quốc gia / Import procedures from the national hub',
  })
  @ApiOkResponse({ type: ProcedureImportReport })
  importCatalogue(
    @CallContext() ctx: CallContext,
    @Body() body: HubCatalogueImportInput,
  ): Promise<ProcedureImportReport> {
    return sendRpc(this.nationalSync, NationalSyncRpc.importCatalogue, ctx, {
      ...(body.codes ? { codes: body.codes } : {}),
    });
  }
}
