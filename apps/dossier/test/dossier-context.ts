import { INestApplication } from '@nestjs/common';
import amqplib from 'amqplib';
import { randomInt, randomUUID } from 'node:crypto';
import {
  AttachmentView,
  Caller,
  CatalogueRpc,
  DossierRpc,
  DossierView,
  EVENTS_EXCHANGE,
  EventEnvelope,
  IdentityRpc,
  OfficerDossierView,
  PersonalDocumentView,
  ProfileView,
  ResultFileView,
  RpcQueues,
  IssuedDocumentView,
  StorageRpc,
  StoredFileView,
  SubmitResult,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import {
  FakeRpcService,
  ServiceUnderTest,
  WireClient,
  isolatedService,
  notFound,
} from '@dvc/testing';
import { migrateDossier, startDossier } from '../src/app';
import { DossierConfig } from '../src/dossier.config';
import { AGENCY, AGENCY_BULK, HOLIDAYS, OTHER_AGENCY, PROCEDURES } from './fixtures';

export const MAX_DOSSIER_BYTES = 1_000_000;
/** The answer the fake identity takes for any captcha. */
export const CAPTCHA_ANSWER = 'x7k2p';
export const LOOKUP_FAILURES = 5;
/** A form of 9.000004 that passes the final check. */
export const VALID_FORM = { hoTen: 'Nguyễn Văn An', ngaySinh: '2026-01-15', gioiTinh: 'Nam' };

export type AgencyEvent = EventEnvelope<Record<string, unknown> & { dossierCode: string }>;
export type CitizenProfile = Pick<ProfileView, 'fullName' | 'email' | 'phone' | 'idNumber'>;

/**
 * The dossier service in-process against the real Postgres (own schema), RabbitMQ (own
 * vhost) and Redis (own prefix), driven through its RPC queue like the gateway drives it.
 * Catalogue, identity and document-storage are fakes answering on their own RPC queues.
 *
 * One per test file (beforeAll); each test makes its own people and dossiers with the
 * factories, so any test runs alone.
 */
export interface DossierTestContext {
  readonly sut: ServiceUnderTest;
  /** The running dossier service and its configuration (to start a second instance). */
  readonly app: INestApplication;
  readonly config: DossierConfig;
  /** document-storage's metadata, as the fake keeps it. */
  readonly files: Map<string, StoredFileView>;
  /** File ids the service claimed (kept from the cleanup). */
  readonly claimed: Set<string>;
  /** What an agency's own system bound to `agency.<AGENCY>.#` receives. */
  readonly agencyEvents: AgencyEvent[];

  /** A citizen identity knows, with a profile (a unique ID number unless given). */
  newCitizen(profile?: Partial<CitizenProfile>): Caller;
  /** An officer of AGENCY and AGENCY_BULK, or of the agencies given. */
  newOfficer(agencies?: string[]): Caller;
  newDraft(citizen: Caller, procedureCode?: string): Promise<DossierView>;
  /** A draft of 9.000004 with a valid form and both required components attached. */
  newCompleteDraft(citizen: Caller): Promise<DossierView>;
  /** A complete dossier of 9.000004, submitted. */
  newSubmittedDossier(citizen: Caller): Promise<SubmitResult>;
  /** Submitted, then received by the officer: the clock runs. */
  newReceivedDossier(citizen: Caller, officer: Caller): Promise<OfficerDossierView>;
  /** Received, started, paused for a supplement the citizen answered, completed and returned. */
  newReturnedDossier(
    citizen: Caller,
    officer: Caller,
  ): Promise<{ submitted: SubmitResult; result: ResultFileView }>;
  /** A clean file in the fake storage, owned by `owner`. */
  storeFile(
    owner: Caller,
    purpose: StoredFileView['purpose'],
    size?: number,
    fileName?: string,
  ): StoredFileView;
  /** A document of the owner's wallet, with its file. */
  storeWalletDocument(owner: Caller, fileName: string, size: number): PersonalDocumentView;

  rpc<T>(pattern: string, data: unknown, caller: Caller | null, ip?: string): Promise<T>;
  get(dossierId: string, who: Caller): Promise<DossierView>;
  attach(
    dossierId: string,
    componentId: string,
    who: Caller,
    size?: number,
  ): Promise<AttachmentView>;
  act(
    dossierId: string,
    action: string,
    who: Caller,
    extra?: Record<string, unknown>,
  ): Promise<OfficerDossierView>;
  /** Publishes an event on dvc.events as another service's outbox relay would; again to redeliver. */
  publishEvent(envelope: EventEnvelope): void;
  close(): Promise<void>;
}

export async function startDossierContext(): Promise<DossierTestContext> {
  const sut = await isolatedService('dossier');
  const profiles = new Map<string, CitizenProfile>();
  const files = new Map<string, StoredFileView>();
  const documents = new Map<string, PersonalDocumentView & { ownerId: string }>();
  const claimed = new Set<string>();
  const issued = new Map<string, IssuedDocumentView>();
  let app: INestApplication | undefined;
  let amqp: amqplib.ChannelModel | undefined;
  const fakes: FakeRpcService[] = [];

  function storeFile(
    owner: Caller,
    purpose: StoredFileView['purpose'],
    size = 1000,
    fileName = 'tep.pdf',
  ): StoredFileView {
    const file: StoredFileView = {
      id: randomUUID(),
      ownerId: owner.accountId,
      purpose,
      fileName,
      contentType: 'application/pdf',
      size,
      sha256: 'ab'.repeat(32),
      status: 'clean',
      createdAt: new Date().toISOString(),
    };
    files.set(file.id, file);
    return file;
  }

  try {
    fakes.push(
      (await FakeRpcService.start(sut.amqpUrl, RpcQueues.catalogue))
        .on(CatalogueRpc.getProcedure, (req) => {
          const found = PROCEDURES.find((p) => p.code === req.data.code);
          return found ? { response: found } : notFound('procedure.not_found');
        })
        .on(CatalogueRpc.listHolidays, () => ({ response: HOLIDAYS }))
        .on(CatalogueRpc.listAgencies, () => ({
          response: [AGENCY, AGENCY_BULK, OTHER_AGENCY].map((code) => ({
            code,
            name: `Cơ quan ${code}`,
            level: 'province',
            parentCode: null,
          })),
        })),
      (await FakeRpcService.start(sut.amqpUrl, RpcQueues.identity))
        // The captcha identity would have shown: CAPTCHA_ANSWER is right, anything else is not.
        .on(IdentityRpc.consumeCaptcha, (req) =>
          (req.data as { captchaAnswer: string }).captchaAnswer === CAPTCHA_ANSWER
            ? { response: { ok: true } }
            : {
                err: {
                  status: 400,
                  code: 'captcha.invalid',
                  title: 'Yêu cầu không hợp lệ',
                  detail: 'Mã xác nhận không đúng hoặc đã hết hạn, vui lòng thử mã mới.',
                },
              },
        )
        .on(IdentityRpc.getProfile, (req) => {
          const id = req.caller!.accountId;
          return {
            response: {
              id,
              roles: ['citizen'],
              agencies: [],
              status: 'active',
              ...profiles.get(id),
            },
          };
        }),
      (await FakeRpcService.start(sut.amqpUrl, RpcQueues.storage))
        .on(StorageRpc.getFile, (req) => {
          const file = files.get(req.data.fileId as string);
          return file ? { response: file } : notFound('file.not_found');
        })
        .on(StorageRpc.getDocument, (req) => {
          const doc = documents.get(req.data.documentId as string);
          return doc && doc.ownerId === req.caller?.accountId
            ? { response: doc }
            : notFound('document.not_found');
        })
        .on(StorageRpc.copyFile, (req) => {
          const source = files.get(req.data.fileId as string)!;
          return { response: storeFile(req.caller!, 'attachment', source.size, source.fileName) };
        })
        .on(StorageRpc.claimFiles, (req) => {
          for (const id of req.data.fileIds as string[]) claimed.add(id);
          return { response: { claimed: (req.data.fileIds as string[]).length } };
        })
        .on(StorageRpc.deleteFile, (req) => {
          const file = files.get(req.data.fileId as string);
          if (file) file.status = 'deleted';
          return { response: { deleted: true } };
        })
        .on(StorageRpc.addResultDocument, (req) => ({
          response: { id: randomUUID(), fileId: req.data.fileId, source: 'result' },
        }))
        .on(StorageRpc.issueResult, (req) => {
          // Signed by the agency: a new file, named like the result; the same on a retry.
          const fileId = req.data.fileId as string;
          const already = issued.get(fileId);
          if (already) return { response: already };
          const source = files.get(fileId)!;
          const signed = storeFile({ accountId: source.ownerId } as Caller, 'result', source.size);
          const view: IssuedDocumentView = {
            verificationCode: `SIGNED${String(issued.size).padStart(6, '2')}`,
            documentType: 'result',
            fileId: signed.id,
            fileName: source.fileName,
            sha256: signed.sha256,
            issuedAt: new Date().toISOString(),
          };
          issued.set(fileId, view);
          return { response: view };
        })
        .on(StorageRpc.issueDocument, (req) => {
          // A letter the dossier service drew, signed: issued once per source key.
          const key = req.data.sourceKey as string;
          const already = issued.get(key);
          if (already) return { response: already };
          const owner = { accountId: req.data.ownerId as string } as Caller;
          const signed = storeFile(owner, 'result', 1000, req.data.fileName as string);
          const view: IssuedDocumentView = {
            verificationCode: `LETTER${String(issued.size).padStart(6, '2')}`,
            documentType: req.data.documentType as IssuedDocumentView['documentType'],
            fileId: signed.id,
            fileName: signed.fileName,
            sha256: signed.sha256,
            issuedAt: new Date().toISOString(),
          };
          issued.set(key, view);
          return { response: view };
        }),
    );

    const config = loadConfig(DossierConfig, {
      ...sut.env,
      RPC_TIMEOUT_MS: '15000',
      MAX_DOSSIER_BYTES: String(MAX_DOSSIER_BYTES),
      LOOKUP_FAILURES_PER_WINDOW: String(LOOKUP_FAILURES),
    });
    await migrateDossier(config);
    const agencyEvents = await sut.captureEvents<AgencyEvent['data']>(
      `agency.${AGENCY.replace(/\./g, '_')}.#`,
    );
    amqp = await amqplib.connect(sut.amqpUrl);
    const events = await amqp.createChannel();
    await events.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    app = await startDossier(config);
    const client: WireClient = await sut.rpcClient('dossier', RpcQueues.dossier, 30_000);

    const rpc = <T>(pattern: string, data: unknown, caller: Caller | null, ip?: string) =>
      client.send<T>(pattern, { caller, correlationId: randomUUID(), ip, data });
    const get = (dossierId: string, who: Caller) =>
      rpc<DossierView>(DossierRpc.get, { dossierId }, who);
    const attach = (dossierId: string, componentId: string, who: Caller, size = 1000) =>
      rpc<AttachmentView>(
        DossierRpc.addAttachment,
        { dossierId, componentId, fileId: storeFile(who, 'attachment', size).id },
        who,
      );
    const act = (
      dossierId: string,
      action: string,
      who: Caller,
      extra: Record<string, unknown> = {},
    ) => rpc<OfficerDossierView>(DossierRpc.officerAction, { dossierId, action, ...extra }, who);
    const newDraft = (citizen: Caller, procedureCode = '9.000004') =>
      rpc<DossierView>(DossierRpc.create, { procedureCode }, citizen);
    const newCompleteDraft = async (citizen: Caller) => {
      const draft = await newDraft(citizen);
      await rpc(DossierRpc.update, { dossierId: draft.id, formData: VALID_FORM }, citizen);
      await attach(draft.id, 'to-khai', citizen);
      await attach(draft.id, 'giay-chung-sinh', citizen);
      return draft;
    };
    const newSubmittedDossier = async (citizen: Caller) => {
      const draft = await newCompleteDraft(citizen);
      return rpc<SubmitResult>(DossierRpc.submit, { dossierId: draft.id }, citizen);
    };
    return {
      sut,
      app,
      config,
      files,
      claimed,
      agencyEvents,
      newCitizen(profile = {}) {
        const caller: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
        profiles.set(caller.accountId, {
          fullName: 'Nguyễn Thị Bình',
          email: `binh.${caller.accountId.slice(0, 8)}@example.vn`,
          phone: '0912345678',
          idNumber: `0010990${String(randomInt(100_000)).padStart(5, '0')}`,
          ...profile,
        });
        return caller;
      },
      newOfficer(agencies = [AGENCY, AGENCY_BULK]) {
        return { accountId: randomUUID(), roles: ['officer'], agencies };
      },
      newDraft,
      newCompleteDraft,
      newSubmittedDossier,
      async newReceivedDossier(citizen, officer) {
        const { id } = await newSubmittedDossier(citizen);
        return act(id, 'receive', officer);
      },
      async newReturnedDossier(citizen, officer) {
        const submitted = await newSubmittedDossier(citizen);
        const { id } = submitted;
        await act(id, 'receive', officer);
        await act(id, 'start', officer);
        await act(id, 'request-supplement', officer, { missing: ['Văn bản ủy quyền'] });
        await attach(id, 'giay-uy-quyen', citizen);
        await rpc(DossierRpc.supplement, { dossierId: id, note: 'Đã bổ sung' }, citizen);
        const file = storeFile(officer, 'result', 5000, 'giay-khai-sinh.pdf');
        const result = await rpc<ResultFileView>(
          DossierRpc.officerAddResult,
          { dossierId: id, fileId: file.id },
          officer,
        );
        await act(id, 'complete', officer, { note: 'Đã cấp giấy khai sinh' });
        await act(id, 'return', officer);
        return { submitted, result };
      },
      storeFile,
      storeWalletDocument(owner, fileName, size) {
        const original = storeFile(owner, 'wallet', size, fileName);
        const document: PersonalDocumentView & { ownerId: string } = {
          id: randomUUID(),
          fileId: original.id,
          ownerId: owner.accountId,
          type: 'birth-certificate',
          title: 'Giấy chứng sinh',
          number: null,
          source: 'upload',
          dossierCode: null,
          issuedAt: null,
          file: {
            fileName: original.fileName,
            contentType: original.contentType,
            size,
            sha256: original.sha256,
          },
          createdAt: new Date().toISOString(),
        };
        documents.set(document.id, document);
        return document;
      },
      rpc,
      get,
      attach,
      act,
      publishEvent(envelope) {
        events.publish(EVENTS_EXCHANGE, envelope.type, Buffer.from(JSON.stringify(envelope)), {
          messageId: envelope.id,
          persistent: true,
        });
      },
      close: () => sut.cleanup(app, ...fakes, amqp),
    };
  } catch (err) {
    await sut.cleanup(app, ...fakes, amqp).catch(() => undefined);
    throw err;
  }
}

/** An event as another service's outbox would publish it. */
export function eventOf<T>(type: string, data: T): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    version: 1,
    correlationId: null,
    data,
  };
}

export { AGENCY, AGENCY_BULK, HOLIDAYS, OTHER_AGENCY };
