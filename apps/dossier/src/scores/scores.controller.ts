import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  DossierRpc,
  OfficerScoresQuery,
  OfficerScoresView,
  PublicScoresQuery,
  RpcRequest,
  ScoresView,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { ScoresService } from './scores.service';

@Controller()
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

  @RpcHandler(DossierRpc.publicScores)
  published(
    @Payload(new RpcInput(PublicScoresQuery)) req: RpcRequest<PublicScoresQuery>,
  ): Promise<ScoresView> {
    return this.scores.publicScores(req.data);
  }

  @RpcHandler(DossierRpc.officerScores)
  forOfficer(
    @Payload(new RpcInput(OfficerScoresQuery)) req: RpcRequest<OfficerScoresQuery>,
  ): Promise<OfficerScoresView> {
    return this.scores.officerScores(requireCaller(req), req.data);
  }
}
