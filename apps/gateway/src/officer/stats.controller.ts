import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgencyStatsQuery, AgencyStatsView, DossierRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

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
  stats(
    @CallContext() ctx: CallContext,
    @Query() query: AgencyStatsQuery,
  ): Promise<AgencyStatsView> {
    return sendRpc(this.dossiers, DossierRpc.officerStats, ctx, query);
  }
}
