import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AgencyView, CatalogueRpc } from '@dvc/contracts';
import { AgenciesService } from './agencies.service';

@Controller()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @MessagePattern(CatalogueRpc.listAgencies)
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }
}
