import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CitizenActionInput,
  CreateDossierDto,
  DossierFileInput,
  DossierRefInput,
  DossierRpc,
  DossierSummary,
  DossierView,
  FileAuthorizationView,
  ListDossiersQuery,
  Page,
  RpcRequest,
  SubmitDossierInput,
  SubmitResult,
  UpdateDossierInput,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { onBehalfOf } from '../rpc/on-behalf-of';
import { DossiersService } from './dossiers.service';

/** The citizen's dossiers (own only: anyone else's is 404). */
@Controller()
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @RpcHandler(DossierRpc.create)
  create(
    @Payload(new RpcInput(CreateDossierDto)) req: RpcRequest<CreateDossierDto>,
  ): Promise<DossierView> {
    const caller = requireCaller(req);
    return this.dossiers.create(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.list)
  list(
    @Payload(new RpcInput(ListDossiersQuery)) req: RpcRequest<ListDossiersQuery>,
  ): Promise<Page<DossierSummary>> {
    return this.dossiers.list(requireCaller(req), req.data);
  }

  @RpcHandler(DossierRpc.get)
  get(
    @Payload(new RpcInput(DossierRefInput)) req: RpcRequest<DossierRefInput>,
  ): Promise<DossierView> {
    return this.dossiers.get(requireCaller(req), req.data.dossierId);
  }

  @RpcHandler(DossierRpc.update)
  update(
    @Payload(new RpcInput(UpdateDossierInput)) req: RpcRequest<UpdateDossierInput>,
  ): Promise<DossierView> {
    const caller = requireCaller(req);
    return this.dossiers.update(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.submit)
  submit(
    @Payload(new RpcInput(SubmitDossierInput)) req: RpcRequest<SubmitDossierInput>,
  ): Promise<SubmitResult> {
    const caller = requireCaller(req);
    return this.dossiers.submit(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.supplement)
  supplement(
    @Payload(new RpcInput(CitizenActionInput)) req: RpcRequest<CitizenActionInput>,
  ): Promise<DossierView> {
    const caller = requireCaller(req);
    return this.dossiers.supplement(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.withdraw)
  withdraw(
    @Payload(new RpcInput(CitizenActionInput)) req: RpcRequest<CitizenActionInput>,
  ): Promise<DossierView> {
    const caller = requireCaller(req);
    return this.dossiers.withdraw(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.receipt)
  receipt(
    @Payload(new RpcInput(DossierRefInput)) req: RpcRequest<DossierRefInput>,
  ): Promise<FileAuthorizationView> {
    const caller = requireCaller(req);
    return this.dossiers.receipt(caller, req.data.dossierId, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.authorizeFile)
  authorizeFile(
    @Payload(new RpcInput(DossierFileInput)) req: RpcRequest<DossierFileInput>,
  ): Promise<FileAuthorizationView> {
    return this.dossiers.authorizeFile(requireCaller(req), req.data);
  }
}
