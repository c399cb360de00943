import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DossierRpc, PublicLookupQuery, PublicLookupView } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { LookupRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

/** TRA CỨU HỒ SƠ ĐÃ NỘP: status and history by code + lookup key; no personal data; throttled per IP. */
@ApiTags('Tra cứu / Public lookup')
@ApiProblems()
@Public()
@Controller('public/dossiers')
export class LookupController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get('lookup')
  @LookupRateLimit()
  @ApiOperation({ summary: 'Tra cứu hồ sơ đã nộp / Look up a dossier by code and key' })
  @ApiOkResponse({ type: PublicLookupView })
  lookup(
    @CallContext() ctx: CallContext,
    @Query() query: PublicLookupQuery,
  ): Promise<PublicLookupView> {
    return sendRpc(this.dossiers, DossierRpc.publicLookup, ctx, query);
  }
}
