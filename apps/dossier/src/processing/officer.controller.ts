import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ApologizeInput,
  DossierFileInput,
  DossierRefInput,
  DossierRpc,
  OfficerActionInput,
  OfficerDossierView,
  OfficerQueueQuery,
  OfficerQueuePage,
  ResultFileView,
  RpcRequest,
  UploadQuotaView,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { onBehalfOf } from '../rpc/on-behalf-of';
import { OfficerService } from './officer.service';

/** Officer routes: role `officer`, dossiers of the caller's agencies only (others are 404). */
@Controller()
export class OfficerController {
  constructor(private readonly officer: OfficerService) {}

  @RpcHandler(DossierRpc.officerList)
  list(
    @Payload(new RpcInput(OfficerQueueQuery)) req: RpcRequest<OfficerQueueQuery>,
  ): Promise<OfficerQueuePage> {
    return this.officer.list(requireCaller(req), req.data);
  }

  @RpcHandler(DossierRpc.officerGet)
  get(
    @Payload(new RpcInput(DossierRefInput)) req: RpcRequest<DossierRefInput>,
  ): Promise<OfficerDossierView> {
    return this.officer.get(requireCaller(req), req.data.dossierId);
  }

  @RpcHandler(DossierRpc.officerAction)
  act(
    @Payload(new RpcInput(OfficerActionInput)) req: RpcRequest<OfficerActionInput>,
  ): Promise<OfficerDossierView> {
    const caller = requireCaller(req);
    return this.officer.act(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.officerApologize)
  apologize(
    @Payload(new RpcInput(ApologizeInput)) req: RpcRequest<ApologizeInput>,
  ): Promise<OfficerDossierView> {
    const caller = requireCaller(req);
    return this.officer.apologize(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.officerPrepareResult)
  prepareResult(
    @Payload(new RpcInput(DossierRefInput)) req: RpcRequest<DossierRefInput>,
  ): Promise<UploadQuotaView> {
    return this.officer.prepareResult(requireCaller(req), req.data.dossierId);
  }

  @RpcHandler(DossierRpc.officerAddResult)
  addResult(
    @Payload(new RpcInput(DossierFileInput)) req: RpcRequest<DossierFileInput>,
  ): Promise<ResultFileView> {
    const caller = requireCaller(req);
    return this.officer.addResult(caller, req.data, onBehalfOf(req, caller));
  }
}
