import { Injectable, Logger } from '@nestjs/common';
import type { MessageProperties } from 'amqplib';
import type { EntityManager } from 'typeorm';
import {
  AgencyCommand,
  CommandAcceptedEvent,
  CommandAnswers,
  CommandRejectedEvent,
  DomainError,
  DossierErrors,
  DossierStatusName,
  EventEnvelope,
  agencyRoutingKey,
} from '@dvc/contracts';
import { OutboxWriter, Tx } from '@dvc/messaging';
import { dossierNotFound } from '../dossiers/dossier-access';
import type { Dossier } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { assertActionPossible } from '../dossiers/status-machine';
import { FileStore } from '../neighbours/file-store';
import { AgencyActions, assertProcessing } from '../processing/agency-actions';
import {
  AGENCY_SYSTEM,
  COMMAND_STEPS,
  assertSentByAgency,
  claimedAgency,
  parseCommand,
  senderAgency,
} from './commands';

type Outcome = Omit<CommandAcceptedEvent, 'commandId' | 'type' | 'dossierCode'>;

/**
 * Commands from an agency's own system (docs/design.md §3), each inside the inbox transaction of
 * its message, so a replayed command id is processed once. A command is checked (sender,
 * shape, dossier of that agency) and then performed like the officer's action, through the
 * same rules and workflow; its answer, `command.accepted` or `command.rejected`, is written
 * to the outbox in that same transaction and routed to the agency only. A refused command
 * changes nothing (a savepoint undoes whatever it started); a failure that is not a refusal
 * (database, broker, storage down) is thrown, so the message is retried and, past the
 * delivery limit, dead-lettered.
 */
@Injectable()
export class MinistryCommandsService {
  private readonly logger = new Logger('MinistryCommands');

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly actions: AgencyActions,
    private readonly files: FileStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(
    envelope: EventEnvelope,
    manager: EntityManager,
    properties: Pick<MessageProperties, 'userId'>,
  ): Promise<void> {
    // Answers go to the agency that sent the command, never to the one it names: otherwise
    // one agency could drop rejections into another's inbox.
    const agencyCode = senderAgency(properties.userId as string | undefined);
    if (!agencyCode) {
      this.logger.warn(
        `command ${envelope.id} (${envelope.type}) not sent by an agency system: nobody to answer, dropped`,
      );
      return;
    }
    const correlationId = envelope.correlationId ?? envelope.id;
    const txIn = (m: EntityManager): Tx => ({
      manager: m,
      publish: (event) => this.outbox.add(m, event, correlationId),
    });
    const tx = txIn(manager);
    let command: AgencyCommand | null = null;
    try {
      const claimed = claimedAgency(envelope);
      if (!claimed) {
        throw new DomainError(DossierErrors.commandInvalid, {
          errors: [{ field: 'agencyCode', message: 'Mã cơ quan không hợp lệ' }],
        });
      }
      assertSentByAgency(properties.userId as string | undefined, claimed);
      command = await parseCommand(envelope);
      const checked = command;
      const outcome = await manager.transaction((inner) => this.execute(txIn(inner), checked));
      await tx.publish({
        type: CommandAnswers.accepted,
        routedAs: agencyRoutingKey(agencyCode, CommandAnswers.accepted),
        data: {
          commandId: command.id,
          type: command.type,
          dossierCode: command.data.dossierCode,
          ...outcome,
        },
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      this.logger.log(
        `command ${envelope.id} (${envelope.type}) for ${agencyCode} rejected: ${err.code}`,
      );
      await tx.publish({
        type: CommandAnswers.rejected,
        routedAs: agencyRoutingKey(agencyCode, CommandAnswers.rejected),
        data: await this.rejection(manager, envelope, command, err),
      });
    }
  }

  private async execute(tx: Tx, command: AgencyCommand): Promise<Outcome> {
    const { data } = command;
    const d = ownDossier(await this.dossiers.lockByCode(tx.manager, data.dossierCode), data);
    const step = COMMAND_STEPS[command.type];
    const correlationId = command.correlationId ?? command.id;

    if (step.kind === 'request-upload') {
      assertProcessing(d);
      await this.actions.remainingResultBytes(d, tx.manager);
      const upload = await this.files.presignUpload(
        { ownerId: d.id, fileName: data.fileName ?? `Kết quả ${d.code}` },
        correlationId,
      );
      return { status: d.status, ...upload };
    }

    if (step.kind === 'apologize') {
      const updated = await this.actions.apologize(tx, d, data, AGENCY_SYSTEM, new Date());
      return { status: updated.status };
    }

    // A wrong status is refused before any file is touched.
    assertActionPossible(step.action, d.status, AGENCY_SYSTEM.by);
    if (step.action === 'complete') {
      // Results uploaded with presigned URLs belong to the dossier (owner = dossier id).
      for (const fileId of new Set(data.resultFileIds ?? [])) {
        const maxBytes = await this.actions.remainingResultBytes(d, tx.manager);
        const file = await this.files.finalize({ fileId, ownerId: d.id, maxBytes }, correlationId);
        await this.actions.addResult(tx.manager, d, file, null);
      }
    }
    const updated = await this.actions.perform(
      tx,
      d,
      { ...data, action: step.action },
      AGENCY_SYSTEM,
      new Date(),
    );
    return { status: updated.status };
  }

  /** Why, in the agency's terms; the dossier's current status once the command reached it. */
  private async rejection(
    manager: EntityManager,
    envelope: EventEnvelope,
    command: AgencyCommand | null,
    err: DomainError,
  ): Promise<CommandRejectedEvent> {
    const dossierCode = command?.data.dossierCode ?? rawDossierCode(envelope);
    let status: DossierStatusName | undefined;
    if (command && dossierCode) {
      const current = await this.dossiers.findByCode(dossierCode, manager);
      if (current && isOwn(current, command.data)) status = current.status;
    }
    const errors = err.errors;
    return {
      commandId: envelope.id,
      type: envelope.type,
      dossierCode,
      code: err.code,
      reason: err.message,
      ...(status ? { status } : {}),
      ...(errors?.length ? { errors } : {}),
    };
  }
}

/** The dossier code of a command that did not pass its checks, echoed to help the agency. */
function rawDossierCode(envelope: EventEnvelope): string | null {
  const code = (envelope.data as { dossierCode?: unknown } | null)?.dossierCode;
  return typeof code === 'string' && code.length <= 64 ? code : null;
}

/** A submitted dossier of the commanding agency; anything else is the same 404. */
function ownDossier(d: Dossier | null, data: AgencyCommand['data']): Dossier {
  if (!d || !isOwn(d, data)) throw dossierNotFound();
  return d;
}

function isOwn(d: Dossier, data: AgencyCommand['data']): boolean {
  return d.agencyCode === data.agencyCode && d.status !== 'DRAFT';
}
