import { Injectable } from '@nestjs/common';
import {
  Caller,
  ImportResult,
  Page,
  ProcedureSummary,
  ProcedureView,
  AuthErrors,
  CatalogueErrors,
  DomainError,
} from '@dvc/contracts';
import { searchCriteria } from './procedure-search';
import { ProcedureSeedValidator } from './procedure-seed.validator';
import { ProcedureWriter } from './procedure-writer';
import { ProcedureCache } from './procedure.cache';
import { mapProcedureSummary, mapProcedureView } from './procedures.dto';
import { ProceduresRepository } from './procedures.repository';

const MAX_CODE_LENGTH = 64;

/** Thủ tục hành chính: search and read for everyone, writes for administrators. */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly cache: ProcedureCache,
    private readonly validator: ProcedureSeedValidator,
    private readonly writer: ProcedureWriter,
  ) {}

  async search(query: unknown): Promise<Page<ProcedureSummary>> {
    const criteria = searchCriteria(query);
    const { rows, total } = await this.procedures.search(criteria);
    return {
      items: rows.map(mapProcedureSummary),
      total,
      page: criteria.page,
      pageSize: criteria.pageSize,
    };
  }

  async get(code: unknown): Promise<ProcedureView> {
    if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH)
      throw notFound(String(code));
    const cached = await this.cache.get(code);
    if (cached) return cached;
    const row = await this.procedures.find(code);
    if (!row) throw notFound(code);
    const view = mapProcedureView(row);
    await this.cache.set(view);
    return view;
  }

  /** Creates or replaces one procedure; answers it as now stored. */
  async upsert(
    caller: Caller | null,
    input: unknown,
    correlationId: string | null,
  ): Promise<ProcedureView> {
    assertAdmin(caller);
    const seed = this.validator.procedure(input);
    await this.writer.write([seed], correlationId, () => '');
    return this.get(seed.code);
  }

  /** All or nothing: one invalid item rejects the whole import with every error listed. */
  async import(
    caller: Caller | null,
    input: unknown,
    correlationId: string | null,
  ): Promise<ImportResult> {
    assertAdmin(caller);
    const seeds = this.validator.importBody(input);
    const { created, updated, unchanged } = await this.writer.write(
      seeds,
      correlationId,
      (i) => `/procedures/${i}`,
    );
    return { created, updated, unchanged };
  }
}

function assertAdmin(caller: Caller | null): void {
  if (!caller) throw new DomainError(AuthErrors.required);
  if (!caller.roles?.includes('admin')) {
    throw new DomainError(AuthErrors.adminRequired);
  }
}

function notFound(code: string): DomainError {
  return new DomainError(CatalogueErrors.procedureNotFound, { params: { code } });
}
