import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgencyRatingsPage, DossierRpc, OfficerRatingsQuery } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

/** Đánh giá của người dân: satisfaction ratings of the officer's agencies. */
@ApiTags('Cán bộ / Officer')
@ApiProblems()
@ApiBearerAuth()
@Roles('officer')
@Controller('officer/ratings')
export class RatingsController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Đánh giá hài lòng / Ratings of my agencies' })
  @ApiOkResponse({ type: AgencyRatingsPage })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: OfficerRatingsQuery,
  ): Promise<AgencyRatingsPage> {
    return sendRpc(this.dossiers, DossierRpc.officerRatings, ctx, query);
  }
}
