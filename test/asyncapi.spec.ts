import { AsyncAPIDocumentInterface, DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TYPES, CommandAnswers, Events } from '@dvc/contracts';
import { mapAgencyDossierEvent } from '../apps/dossier/src/dossiers/dossier-events';
import type { Dossier } from '../apps/dossier/src/dossiers/dossiers.dto';

/**
 * docs/asyncapi.yaml is the contract agency systems build to: it must be a valid AsyncAPI 3
 * document and describe every event the portal publishes and every command it takes.
 */
describe('docs/asyncapi.yaml', () => {
  let document: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const source = readFileSync(join(__dirname, '..', 'docs', 'asyncapi.yaml'), 'utf8');
    const { document: parsed, diagnostics } = await new Parser().parse(source);
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((e) => `${e.path.join('/')}: ${e.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
    document = parsed!;
  });

  /** The `type` each message's envelope carries (its payload's `type` const). */
  const messageTypes = (): string[] =>
    document
      .allMessages()
      .all()
      .flatMap((m) => {
        const payload = m.payload()?.json() as {
          allOf?: { properties?: { type?: { const?: string } } }[];
        };
        return (payload.allOf ?? []).flatMap((part) => part.properties?.type?.const ?? []);
      });

  const channelAddresses = (): string[] =>
    document
      .allChannels()
      .all()
      .map((c) => c.address() ?? '');

  it('is AsyncAPI 3.0', () => {
    expect(document.version()).toBe('3.0.0');
  });

  it.each(Object.values(Events))(
    'describes event %s: a dvc.events channel of that routing key, and its message',
    (type) => {
      const channel = document
        .allChannels()
        .all()
        .find((c) => c.address() === type);
      expect(channel).toBeDefined();
      const binding = channel!.bindings().get('amqp')?.value() as {
        exchange?: { name?: string };
      };
      expect(binding.exchange?.name).toBe('dvc.events');
      expect(messageTypes()).toContain(type);
    },
  );

  it.each([...COMMAND_TYPES])('describes command %s on dvc.commands', (type) => {
    const commands = document
      .allChannels()
      .all()
      .find((c) => c.id() === 'commands')!;
    const binding = commands.bindings().get('amqp')?.value() as { exchange?: { name?: string } };
    expect(binding.exchange?.name).toBe('dvc.commands');
    const names = commands
      .messages()
      .all()
      .map((m) => m.name());
    expect(names).toContain(type);
    expect(messageTypes()).toContain(type);
  });

  it('describes what an agency system receives on its own routing keys', () => {
    expect(channelAddresses()).toEqual(
      expect.arrayContaining([
        'agency.{agency}.dossier.submitted',
        'agency.{agency}.dossier.status_changed',
        'agency.{agency}.dossier.payment_required',
        'agency.{agency}.dossier.apologized',
        'agency.{agency}.command.accepted',
        'agency.{agency}.command.rejected',
        'agency.{agency}.inbox',
      ]),
    );
    expect(messageTypes()).toEqual(
      expect.arrayContaining([CommandAnswers.accepted, CommandAnswers.rejected]),
    );
  });

  it('matches what the dossier service really sends an agency (no field outside the schema)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemaOf = (messageId: string) =>
      document.components().messages().get(messageId)!.payload()!.json();
    const now = new Date('2026-11-26T03:00:00Z');
    const dossier = {
      id: randomUUID(),
      code: '000.00.01.H26-261126-0001',
      agencyCode: '000.00.01.H26',
      applicantId: randomUUID(),
      procedure: {
        code: '3.000347',
        name: 'Đổi giấy phép lái xe',
        case: { id: 'mac-dinh', name: 'Đổi GPLX do ngành Công an cấp' },
      },
      status: 'RECEIVED',
      submittedAt: now,
      receivedAt: now,
      dueAt: now,
      receiptNumber: 'TN-000.00.01.H26-261126-0001',
      deliveryMethod: 'online',
      formData: { hoTen: 'Nguyễn Văn An' },
    } as unknown as Dossier;
    const file = { fileId: randomUUID(), fileName: 'don.pdf', size: 120, sha256: 'a'.repeat(64) };
    const agencyCopy = mapAgencyDossierEvent(
      dossier,
      [{ ...file, componentId: 'de-nghi-doi-gplx' } as never],
      [{ ...file, fileId: randomUUID() } as never],
      now,
    );
    const envelope = (type: string, data: unknown) => ({
      id: randomUUID(),
      type,
      occurredAt: now.toISOString(),
      version: 1,
      correlationId: null,
      data,
    });
    const cases: [string, unknown][] = [
      ['AgencyDossierSubmitted', envelope('dossier.submitted', agencyCopy)],
      [
        'AgencyDossierStatusChanged',
        envelope('dossier.status_changed', {
          ...agencyCopy,
          from: 'SUBMITTED',
          action: 'receive',
          note: null,
          byRole: 'agency-system',
          deliveryTracking: null,
        }),
      ],
      [
        'AgencyDossierApologized',
        envelope('dossier.apologized', {
          ...agencyCopy,
          reason: 'Chờ ý kiến của cơ quan phối hợp',
          previousDueAt: now.toISOString(),
          newDueAt: now.toISOString(),
          verificationCode: 'ABCDEFGHJKMN',
        }),
      ],
      [
        'CommandRejected',
        envelope('command.rejected', {
          commandId: randomUUID(),
          type: 'command.complete',
          dossierCode: dossier.code,
          code: 'dossier.illegal_transition',
          reason: 'Không thể thực hiện thao tác',
          status: 'RECEIVED',
        }),
      ],
    ];
    for (const [messageId, message] of cases) {
      const validate = ajv.compile(schemaOf(messageId) as object);
      expect({ messageId, valid: validate(message), errors: validate.errors ?? [] }).toEqual({
        messageId,
        valid: true,
        errors: [],
      });
    }
    // An account id slipped into the agency's copy would be refused by its schema.
    const validate = ajv.compile(schemaOf('AgencyDossierSubmitted') as object);
    expect(
      validate(envelope('dossier.submitted', { ...agencyCopy, applicantId: dossier.applicantId })),
    ).toBe(false);
  });
});
