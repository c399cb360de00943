import { Injectable } from '@nestjs/common';
import {
  Caller,
  ImportEachInput,
  ImportResult,
  Page,
  ProcedureImportItem,
  ProcedureImportReport,
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

  /**
   * Item by item (an import from another system, e.g. the national hub): each procedure goes
   * through the same validator and write path as the JSON import, in its own transaction, and
   * the report says what became of each; one invalid item does not hold back the others.
   */
  async importEach(
    caller: Caller | null,
    input: ImportEachInput | undefined,
    correlationId: string | null,
  ): Promise<ProcedureImportReport> {
    assertAdmin(caller);
    const documents = Array.isArray(input?.procedures) ? input.procedures : null;
    if (!documents || documents.length > MAX_IMPORT_EACH) {
      throw new DomainError(CatalogueErrors.procedureInvalid, {
        params: { count: 1 },
        errors: [{ field: '/procedures', message: `1–${MAX_IMPORT_EACH} thủ tục` }],
      });
    }
    const items: ProcedureImportItem[] = Array.isArray(input?.rejected) ? [...input.rejected] : [];
    for (const document of documents) items.push(await this.importOne(document, correlationId));
    const count = (outcome: ProcedureImportItem['outcome']) =>
      items.filter((item) => item.outcome === outcome).length;
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      items,
    };
  }

  private async importOne(
    document: unknown,
    correlationId: string | null,
  ): Promise<ProcedureImportItem> {
    const fields = (document ?? {}) as { code?: unknown; name?: unknown };
    const code = typeof fields.code === 'string' ? fields.code : '';
    const name = typeof fields.name === 'string' ? fields.name : null;
    try {
      const seed = this.validator.procedure(document);
      const result = await this.writer.write([seed], correlationId, () => '');
      const outcome = result.created ? 'created' : result.updated ? 'updated' : 'unchanged';
      return { code, name, outcome, reasons: [] };
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 422) throw err;
      const reasons = err.errors ?? [{ field: '', message: err.message }];
      return { code, name, outcome: 'rejected', reasons };
    }
  }
}

/** At most this many procedures in one item-by-item import (each is its own transaction). */
const MAX_IMPORT_EACH = 500;

function assertAdmin(caller: Caller | null): void {
  if (!caller) throw new DomainError(AuthErrors.required);
  if (!caller.roles?.includes('admin')) {
    throw new DomainError(AuthErrors.adminRequired);
  }
}

function notFound(code: string): DomainError {
  return new DomainError(CatalogueErrors.procedureNotFound, { params: { code } });
}
