import { Controller } from '@nestjs/common';
import { AgencyView, CatalogueRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';
import { AgenciesService } from './agencies.service';

@Controller()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @RpcHandler(CatalogueRpc.listAgencies)
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }
}
