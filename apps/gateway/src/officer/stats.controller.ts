import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AgencyStatsQuery, AgencyStatsView, DossierRpc, ScoresExportQuery } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { renderScoresExport } from './scores-export';

/** Thống kê: received, on time, overdue by procedure and month, for officers and admins. */
@ApiTags('Cán bộ / Officer')
@ApiProblems()
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('officer/stats')
export class StatsController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Thống kê của cơ quan / Agency statistics' })
  @ApiOkResponse({ type: AgencyStatsView })
  stats(
    @CallContext() ctx: CallContext,
    @Query() query: AgencyStatsQuery,
  ): Promise<AgencyStatsView> {
    return sendRpc(this.dossiers, DossierRpc.officerStats, ctx, query);
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary:
      'Xuất chỉ số phục vụ của cơ quan / Export my agencies’ scores of a month (CSV with BOM, or XLSX)',
  })
  async export(
    @CallContext() ctx: CallContext,
    @Query() query: ScoresExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await sendRpc(this.dossiers, DossierRpc.officerScores, ctx, {
      period: query.period,
    });
    const file = await renderScoresExport(view, query.format ?? 'xlsx');
    await reply
      .status(200)
      .headers({
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(file.body);
  }
}
