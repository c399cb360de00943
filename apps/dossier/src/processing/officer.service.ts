import { Injectable } from '@nestjs/common';
import {
  ApologizeInput,
  Caller,
  DossierFileInput,
  DossierStatus,
  OfficerActionInput,
  OfficerDossierView,
  OfficerQueueQuery,
  OfficerQueuePage,
  ResultFileView,
  StoredFileView,
  UploadQuotaView,
  DossierErrors,
  StorageErrors,
  DomainError,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { agencyDossier, requireOfficer } from '../dossiers/dossier-access';
import { DossierViews } from '../dossiers/dossier-views';
import { mapOfficerDossierSummary } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { QUEUE_TABS, assertActionPossible, tabCountsOf } from '../dossiers/status-machine';
import { StatusTallies } from '../stats/status-tallies';
import { FileStore } from '../neighbours/file-store';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { AgencyActions, assertProcessing } from './agency-actions';
import { mapResultFileView } from '../results/results.dto';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Xử lý hồ sơ: the queue of an officer's agencies and the actions on a dossier. Each action
 * checks what it needs (a reason, an amount, a result…) and goes through the workflow.
 */
@Injectable()
export class OfficerService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly views: DossierViews,
    private readonly actions: AgencyActions,
    private readonly unitOfWork: UnitOfWork,
    private readonly files: FileStore,
    private readonly tallies: StatusTallies,
  ) {}

  async list(caller: Caller, query: OfficerQueueQuery): Promise<OfficerQueuePage> {
    requireOfficer(caller);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = new Date();
    // A status asked for is looked for everywhere unless a tab is named too.
    const tab = query.tab ?? (query.status ? 'all' : 'in-hand');
    const tabStatuses = QUEUE_TABS[tab];
    const statuses = (
      query.status
        ? [query.status].filter((s) => tabStatuses === null || tabStatuses.includes(s))
        : tabStatuses
    )?.map((s) => DossierStatus[s]);
    const filter = {
      agencies: caller.agencies,
      statuses: statuses ?? null,
      latestFirst: tab === 'done',
      q: query.q?.trim() || null,
      overdue: query.overdue ?? null,
      now,
      page,
      pageSize,
    };
    // Every tab is counted under the same search; unfiltered, the status tallies hold the
    // counts, rather than the agencies' whole archive grouped by status (D290). A search
    // finds its dossiers once for the page and the counts (D292).
    const { rows, byStatus } =
      filter.q !== null
        ? await this.dossiers.officerQueueSearch(filter)
        : await Promise.all([
            this.dossiers.officerQueue(filter),
            filter.overdue === null
              ? this.tallies.statusCounts(caller.agencies)
              : this.dossiers.officerQueueStatusCounts(filter),
          ]).then(([rows, byStatus]) => ({ rows, byStatus }));
    const counts = tabCountsOf(byStatus);
    const total = byStatus
      .filter(
        (c) =>
          c.status !== 0 && (statuses === undefined || (statuses as number[]).includes(c.status)),
      )
      .reduce((sum, c) => sum + c.n, 0);
    return {
      items: rows.map((d) => mapOfficerDossierSummary(d, now)),
      total,
      page,
      pageSize,
      tab,
      counts,
    };
  }

  async get(caller: Caller, dossierId: string): Promise<OfficerDossierView> {
    requireOfficer(caller);
    return this.views.officer(agencyDossier(caller, await this.dossiers.find(dossierId)));
  }

  async act(
    caller: Caller,
    input: OfficerActionInput,
    on: OnBehalfOf,
  ): Promise<OfficerDossierView> {
    requireOfficer(caller);
    // A wrong status answers 409 before any complaint about the input.
    const current = agencyDossier(caller, await this.dossiers.find(input.dossierId));
    assertActionPossible(input.action, current.status, 'officer');
    const updated = await this.unitOfWork.run(on.correlationId, async (tx) => {
      const d = agencyDossier(caller, await this.dossiers.lock(tx.manager, input.dossierId));
      const actor = { by: 'officer', role: 'officer', accountId: caller.accountId } as const;
      return this.actions.perform(tx, d, input, actor, new Date());
    });
    return this.views.officer(updated);
  }

  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả, on a dossier of the officer's agencies. */
  async apologize(
    caller: Caller,
    input: ApologizeInput,
    on: OnBehalfOf,
  ): Promise<OfficerDossierView> {
    requireOfficer(caller);
    agencyDossier(caller, await this.dossiers.find(input.dossierId));
    const updated = await this.unitOfWork.run(on.correlationId, async (tx) => {
      const d = agencyDossier(caller, await this.dossiers.lock(tx.manager, input.dossierId));
      const actor = { by: 'officer', role: 'officer', accountId: caller.accountId } as const;
      return this.actions.apologize(tx, d, input, actor, new Date());
    });
    return this.views.officer(updated);
  }

  /** Before an upload of a result: may the officer add one now, and how many bytes are left? */
  async prepareResult(caller: Caller, dossierId: string): Promise<UploadQuotaView> {
    requireOfficer(caller);
    const d = agencyDossier(caller, await this.dossiers.find(dossierId));
    assertProcessing(d);
    const remaining = await this.actions.remainingResultBytes(d);
    return { remainingBytes: remaining, maxBytes: this.actions.maxResultBytes };
  }

  /** Adds a result document the officer uploaded (purpose `result`, scanned clean). */
  async addResult(
    caller: Caller,
    input: DossierFileInput,
    on: OnBehalfOf,
  ): Promise<ResultFileView> {
    requireOfficer(caller);
    assertProcessing(agencyDossier(caller, await this.dossiers.find(input.dossierId)));
    const file = resultFile(caller, await this.files.file(input.fileId, on));
    const result = await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const d = agencyDossier(caller, await this.dossiers.lock(manager, input.dossierId));
      return this.actions.addResult(manager, d, file, caller.accountId);
    });
    await this.files.claim([file.id], on);
    return mapResultFileView(input.dossierId, result);
  }
}

function resultFile(caller: Caller, file: StoredFileView | null): StoredFileView {
  if (!file || file.ownerId !== caller.accountId || file.status === 'deleted') {
    throw new DomainError(StorageErrors.fileNotFound);
  }
  if (file.purpose !== 'result' || file.status !== 'clean') {
    throw new DomainError(DossierErrors.fileRejected, {
      errors: [
        { field: 'fileId', message: 'Tệp phải được tải lên làm kết quả và đã quét an toàn' },
      ],
    });
  }
  return file;
}
