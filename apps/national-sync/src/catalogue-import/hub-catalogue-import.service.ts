import { Inject, Injectable } from '@nestjs/common';
import {
  Caller,
  CatalogueRpc,
  DomainError,
  HubCatalogueImportInput,
  NationalSyncErrors,
  ProcedureImportItem,
  ProcedureImportReport,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { assertAdmin } from '../calls/hub-calls.service';
import { HubCallError, HubClient, HubProcedure } from '../hub/hub-client';
import { mapHubProcedure } from './hub-procedures';

export const CATALOGUE_RPC = Symbol('CATALOGUE_RPC');

/**
 * Cập nhật danh mục thủ tục từ Cổng DVC quốc gia: pulls the hub's procedures (LayThuTuc),
 * translates them, and hands them to the catalogue, which validates each with the same
 * validator as its JSON import and writes it idempotently by code and content. The report
 * says, procedure by procedure, what was created, updated, unchanged or rejected and why.
 */
@Injectable()
export class HubCatalogueImportService {
  constructor(
    private readonly hub: HubClient,
    @Inject(CATALOGUE_RPC) private readonly catalogue: RpcClient,
  ) {}

  async import(
    caller: Caller | null,
    input: HubCatalogueImportInput,
    correlationId: string | null,
  ): Promise<ProcedureImportReport> {
    assertAdmin(caller);
    const hubProcedures = await this.pull(input.codes);
    const documents: Record<string, unknown>[] = [];
    const rejected: ProcedureImportItem[] = [];
    for (const p of hubProcedures) {
      const mapped = mapHubProcedure(p);
      if (mapped.ok) documents.push(mapped.document);
      else rejected.push(mapped.rejected);
    }
    if (documents.length === 0) {
      return { created: 0, updated: 0, unchanged: 0, rejected: rejected.length, items: rejected };
    }
    return this.catalogue.send(CatalogueRpc.importEach, {
      caller,
      correlationId,
      data: { procedures: documents, rejected },
    });
  }

  private async pull(codes: string[] | undefined): Promise<HubProcedure[]> {
    try {
      if (!codes || codes.length === 0) return await this.hub.procedures();
      const lists = await Promise.all(codes.map((code) => this.hub.procedures(code)));
      return lists.flat();
    } catch (err) {
      if (err instanceof HubCallError) {
        throw new DomainError(NationalSyncErrors.hubUnavailable, {
          extra: { reason: err.message },
        });
      }
      throw err;
    }
  }
}
