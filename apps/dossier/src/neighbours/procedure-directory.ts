import { Inject, Injectable } from '@nestjs/common';
import { AgencyView, CatalogueRpc, DomainError, HolidayView, ProcedureView } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { CATALOGUE_RPC, OnBehalfOf } from './neighbour-clients';

/** What the dossier service needs from the catalogue. */
export abstract class ProcedureDirectory {
  /** The procedure as published now, or null when the catalogue has no such code. */
  abstract procedure(code: string, on: OnBehalfOf): Promise<ProcedureView | null>;
  /** Every row of the holiday table (ngày nghỉ lễ, ngày làm bù). */
  abstract holidays(): Promise<HolidayView[]>;
  /** Every agency (cơ quan) of the catalogue. */
  abstract agencies(): Promise<AgencyView[]>;
}

@Injectable()
export class RpcProcedureDirectory extends ProcedureDirectory {
  constructor(@Inject(CATALOGUE_RPC) private readonly catalogue: RpcClient) {
    super();
  }

  async procedure(code: string, on: OnBehalfOf): Promise<ProcedureView | null> {
    try {
      return await this.catalogue.send(CatalogueRpc.getProcedure, {
        ...on,
        data: { code },
      });
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return null;
      throw err;
    }
  }

  holidays(): Promise<HolidayView[]> {
    return this.catalogue.send(CatalogueRpc.listHolidays, {
      caller: null,
      correlationId: null,
      data: {},
    });
  }

  agencies(): Promise<AgencyView[]> {
    return this.catalogue.send(CatalogueRpc.listAgencies, {
      caller: null,
      correlationId: null,
      data: {},
    });
  }
}
