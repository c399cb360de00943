import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AgencyCommandData,
  COMMAND_TYPES,
  CommandTypes,
  DomainError,
  EventEnvelope,
  OfficerActions,
} from '@dvc/contracts';
import { OutboxWriter } from '@dvc/messaging';
import { newTestService, provide } from '@dvc/testing';
import type { Dossier } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { TRANSITIONS, isActionPossible } from '../dossiers/status-machine';
import {
  AGENCY_SYSTEM,
  COMMAND_STEPS,
  assertSentByAgency,
  claimedAgency,
  parseCommand,
} from './commands';
import { MinistryCommandsService } from './ministry-commands.service';

const AGENCY = '000.00.01.H26';
const USER = 'agency-000_00_01_H26';

function command(type: string, data: Record<string, unknown> = {}): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    version: 1,
    correlationId: null,
    data: { agencyCode: AGENCY, dossierCode: `${AGENCY}-261126-0001`, ...data },
  };
}

async function refusal(work: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('ministry commands as data', () => {
  it('maps each command to the officer action of the same name; request_upload and apologize to their own steps', () => {
    expect(COMMAND_STEPS).toEqual({
      'command.receive': { kind: 'action', action: 'receive' },
      'command.start': { kind: 'action', action: 'start' },
      'command.request_supplement': { kind: 'action', action: 'request-supplement' },
      'command.request_payment': { kind: 'action', action: 'request-payment' },
      'command.refuse': { kind: 'action', action: 'refuse' },
      'command.complete': { kind: 'action', action: 'complete' },
      'command.return': { kind: 'action', action: 'return' },
      'command.stop': { kind: 'action', action: 'stop' },
      'command.request_upload': { kind: 'request-upload' },
      'command.apologize': { kind: 'apologize' },
    });
    // Every officer action can be commanded, every command type has a step.
    const actions = Object.values(COMMAND_STEPS).flatMap((s) =>
      s.kind === 'action' ? [s.action] : [],
    );
    expect([...actions].sort()).toEqual([...OfficerActions].sort());
    expect(Object.keys(COMMAND_STEPS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('runs commands on the officer rows of the one transition table, recorded as the agency system', () => {
    expect(AGENCY_SYSTEM).toEqual({ by: 'officer', role: 'agency-system', accountId: null });
    for (const step of Object.values(COMMAND_STEPS)) {
      if (step.kind !== 'action') continue;
      const rows = TRANSITIONS.filter((t) => t.action === step.action && t.by === 'officer');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        for (const from of row.from)
          expect(isActionPossible(step.action, from, AGENCY_SYSTEM.by)).toBe(true);
    }
    // complete before start: not possible from RECEIVED, whoever sends it
    expect(isActionPossible('complete', 'RECEIVED', AGENCY_SYSTEM.by)).toBe(false);
  });
});

describe('who may command for an agency (the user_id rule)', () => {
  it('accepts the agency’s own RabbitMQ user only', () => {
    expect(() => assertSentByAgency(USER, AGENCY)).not.toThrow();
    expect(() => assertSentByAgency('agency-T00_00_01_H99', 'T00.00.01.H99')).not.toThrow();
  });

  it.each([
    ['no user_id', undefined],
    ['the guest user', 'guest'],
    ['another agency’s user', 'agency-000_00_02_H26'],
    ['the code with its dots', 'agency-000.00.01.H26'],
    ['another case', 'AGENCY-000_00_01_H26'],
    ['a prefix of the user', 'agency-000_00_01'],
  ])('refuses %s with command.unauthorized', async (_label, userId) => {
    const err = await refusal(() => assertSentByAgency(userId, AGENCY));
    expect(err).toMatchObject({ status: 403, code: 'command.unauthorized' });
  });

  it('answers only an agency named in a valid shape', () => {
    expect(claimedAgency(command(CommandTypes.receive))).toBe(AGENCY);
    for (const agencyCode of [undefined, 42, '#', 'agency.*', '000.00.01.H26.#', '']) {
      expect(claimedAgency(command(CommandTypes.receive, { agencyCode }))).toBeNull();
    }
    expect(claimedAgency({ ...command(CommandTypes.receive), data: null })).toBeNull();
  });
});

describe('parseCommand', () => {
  it('validates the data like an officer action and keeps the known fields', async () => {
    const parsed = await parseCommand(
      command(CommandTypes.requestSupplement, {
        missing: ['Giấy khám sức khỏe'],
        note: 'Bổ sung',
      }),
    );
    expect(parsed.type).toBe('command.request_supplement');
    expect(parsed.data).toBeInstanceOf(AgencyCommandData);
    expect(parsed.data).toMatchObject({ missing: ['Giấy khám sức khỏe'], note: 'Bổ sung' });
  });

  it('refuses an unknown type, unknown fields and wrongly typed ones, naming them', async () => {
    expect(await refusal(parseCommand(command('command.approve')))).toMatchObject({
      status: 400,
      code: 'command.unknown_type',
    });
    const invalid = await refusal(
      parseCommand(
        command(CommandTypes.complete, { resultFileIds: ['not-a-uuid'], amount: -5, extra: 1 }),
      ),
    );
    expect(invalid).toMatchObject({ status: 400, code: 'command.invalid' });
    const fields = (invalid.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['resultFileIds', 'amount', 'extra']));
  });
});

describe('MinistryCommandsService', () => {
  /** Answers written to the outbox, with their routing keys. */
  const answers: { type: string; routedAs?: string; data: Record<string, unknown> }[] = [];
  const outbox = {
    add: (_manager: EntityManager, event: (typeof answers)[number]) => {
      answers.push(event);
      return Promise.resolve(event);
    },
  } as unknown as OutboxWriter;
  const manager = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager),
  } as unknown as EntityManager;
  const dossier = { code: `${AGENCY}-261126-0001`, agencyCode: AGENCY, status: 'RECEIVED' };
  const dossiers = {
    lockByCode: () => Promise.resolve(dossier),
    findByCode: () => Promise.resolve(dossier),
  } as unknown as DossiersRepository;

  // Refusals are logged; here they are the expected outcome.
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => answers.splice(0));

  it('answers nothing to a command no agency system sent: there is nobody to answer', async () => {
    const { sut: service } = newTestService(MinistryCommandsService, provide(OutboxWriter, outbox));
    const sent = command(CommandTypes.refuse, { note: 'Giả mạo' });
    for (const userId of [undefined, 'guest', 'agency-', 'agency-000.00.01.H26', 'agency-#']) {
      await service.handle(sent, manager, { userId });
    }
    expect(answers).toEqual([]);
  });

  it('answers a command for another agency to its sender only, before looking at any dossier', async () => {
    const { sut: service } = newTestService(MinistryCommandsService, provide(OutboxWriter, outbox));
    const sent = command(CommandTypes.refuse, { note: 'Giả mạo' });
    await service.handle(sent, manager, { userId: 'agency-000_00_02_H26' });
    expect(answers).toEqual([
      {
        type: 'command.rejected',
        routedAs: 'agency.000_00_02_H26.command.rejected',
        data: expect.objectContaining({ commandId: sent.id, code: 'command.unauthorized' }),
      },
    ]);
    expect(answers[0].data).not.toHaveProperty('status');
  });

  it('answers its sender when a command names no valid agency', async () => {
    const { sut: service } = newTestService(MinistryCommandsService, provide(OutboxWriter, outbox));
    await service.handle(command(CommandTypes.start, { agencyCode: '#' }), manager, {
      userId: USER,
    });
    expect(answers).toEqual([
      {
        type: 'command.rejected',
        routedAs: 'agency.000_00_01_H26.command.rejected',
        data: expect.objectContaining({ code: 'command.invalid' }),
      },
    ]);
  });

  it('refuses complete before start with the current status, touching neither files nor the dossier', async () => {
    const { sut: service } = newTestService(
      MinistryCommandsService,
      provide(DossiersRepository, dossiers),
      provide(OutboxWriter, outbox),
    );
    const sent = command(CommandTypes.complete, { resultFileIds: [randomUUID()] });
    await service.handle(sent, manager, { userId: USER });
    expect(answers).toEqual([
      {
        type: 'command.rejected',
        routedAs: 'agency.000_00_01_H26.command.rejected',
        data: {
          commandId: sent.id,
          type: 'command.complete',
          dossierCode: dossier.code,
          code: 'dossier.illegal_transition',
          reason: expect.any(String),
          status: 'RECEIVED',
        },
      },
    ]);
  });

  it('answers the same 404 for another agency’s dossier as for none', async () => {
    const elsewhere = { ...dossier, agencyCode: '000.00.02.H26' } as Dossier;
    const { sut: service } = newTestService(
      MinistryCommandsService,
      provide(DossiersRepository, {
        lockByCode: () => Promise.resolve(elsewhere),
        findByCode: () => Promise.resolve(elsewhere),
      } as unknown as DossiersRepository),
      provide(OutboxWriter, outbox),
    );
    await service.handle(command(CommandTypes.start), manager, { userId: USER });
    expect(answers).toHaveLength(1);
    expect(answers[0].data).toMatchObject({ code: 'dossier.not_found' });
    expect(answers[0].data).not.toHaveProperty('status');
  });

  it('lets trouble that is not a refusal through, so the message is retried', async () => {
    const { sut: service } = newTestService(
      MinistryCommandsService,
      provide(DossiersRepository, {
        lockByCode: () => Promise.reject(new Error('connection terminated')),
      } as unknown as DossiersRepository),
      provide(OutboxWriter, outbox),
    );
    await expect(
      service.handle(command(CommandTypes.start), manager, { userId: USER }),
    ).rejects.toThrow('connection terminated');
    expect(answers).toEqual([]);
  });
});
