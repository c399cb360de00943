import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DossierRpc, PublicScoresQuery, ScoresView } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

/** Kept a minute by browsers and proxies, revalidated by ETag like the catalogue's reads. */
const PUBLIC_CACHE = 'public, max-age=60';

/** Đánh giá chất lượng phục vụ: each agency's scores of a month (Decision 766/QĐ-TTg). */
@ApiTags('Đánh giá chất lượng phục vụ / Public scores')
@ApiProblems()
@Public()
@Controller('public/scores')
export class ScoresController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOkResponse({ type: ScoresView })
  @ApiOperation({
    summary:
      'Chỉ số phục vụ của các cơ quan / Agencies’ on-time, online, online-payment, e-result and satisfaction rates',
  })
  scores(@CallContext() ctx: CallContext, @Query() query: PublicScoresQuery): Promise<ScoresView> {
    return sendRpc(this.dossiers, DossierRpc.publicScores, ctx, query);
  }
}
