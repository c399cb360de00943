import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AgencyRatingsPage,
  DossierRpc,
  OfficerRatingsQuery,
  RateDossierInput,
  RatingView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { onBehalfOf } from '../rpc/on-behalf-of';
import { RatingsService } from './ratings.service';

@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @RpcHandler(DossierRpc.rate)
  rate(
    @Payload(new RpcInput(RateDossierInput)) req: RpcRequest<RateDossierInput>,
  ): Promise<RatingView> {
    const caller = requireCaller(req);
    return this.ratings.rate(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.officerRatings)
  forAgencies(
    @Payload(new RpcInput(OfficerRatingsQuery)) req: RpcRequest<OfficerRatingsQuery>,
  ): Promise<AgencyRatingsPage> {
    return this.ratings.forAgencies(requireCaller(req), req.data);
  }
}
