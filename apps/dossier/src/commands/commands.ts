import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  AGENCY_CODE_PATTERN,
  AgencyCommand,
  AgencyCommandData,
  COMMAND_TYPES,
  CommandType,
  CommandTypes,
  EventEnvelope,
  OfficerAction,
  agencyUser,
  DossierErrors,
  DomainError,
} from '@dvc/contracts';
import { fieldErrorsOf } from '@dvc/messaging';
import type { Actor } from '../dossiers/dossier-workflow';

/**
 * Ministry commands as data: which officer action each one is (so a command goes through the
 * same transition table, rules and history as the officer API), who an agency system is, and
 * what a well-formed command looks like.
 */

/**
 * `command.request_upload` changes no status: it asks for a presigned URL for one result;
 * `command.apologize` keeps the status and moves the due date, like the officer's apology.
 */
export type CommandStep =
  { kind: 'action'; action: OfficerAction } | { kind: 'request-upload' } | { kind: 'apologize' };

// A table reads best one row per line.
// prettier-ignore
export const COMMAND_STEPS: Record<CommandType, CommandStep> = {
  [CommandTypes.receive]:           { kind: 'action', action: 'receive' },
  [CommandTypes.start]:             { kind: 'action', action: 'start' },
  [CommandTypes.requestSupplement]: { kind: 'action', action: 'request-supplement' },
  [CommandTypes.requestPayment]:    { kind: 'action', action: 'request-payment' },
  [CommandTypes.refuse]:            { kind: 'action', action: 'refuse' },
  [CommandTypes.complete]:          { kind: 'action', action: 'complete' },
  [CommandTypes.return]:            { kind: 'action', action: 'return' },
  [CommandTypes.stop]:              { kind: 'action', action: 'stop' },
  [CommandTypes.requestUpload]:     { kind: 'request-upload' },
  [CommandTypes.apologize]:         { kind: 'apologize' },
};

/**
 * The agency's own system: it acts on the agency's side of the transition table (as an
 * officer would), is recorded in the history as `agency-system`, and has no account.
 */
export const AGENCY_SYSTEM: Actor = { by: 'officer', role: 'agency-system', accountId: null };

/**
 * The agency a command claims to speak for, when it names one in a valid shape: where the
 * answer goes. Without it nobody can be answered.
 */
export function claimedAgency(envelope: EventEnvelope): string | null {
  const data = envelope.data as { agencyCode?: unknown } | null;
  const code = typeof data === 'object' && data !== null ? data.agencyCode : undefined;
  return typeof code === 'string' && AGENCY_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The agency whose system published the message, from its `user_id` (`agency-<word>`,
 * which RabbitMQ checks against the connection's user): where any answer goes. Null when the
 * message was not published by an agency system: then nobody is answered.
 */
export function senderAgency(userId: string | undefined): string | null {
  const word = typeof userId === 'string' ? /^agency-([0-9A-Z_]+)$/.exec(userId)?.[1] : undefined;
  const code = word?.replace(/_/g, '.');
  return code && AGENCY_CODE_PATTERN.test(code) ? code : null;
}

/**
 * Only the agency's own RabbitMQ user may command for it. RabbitMQ refuses a message whose
 * `user_id` property is not the publishing connection's user, so a `user_id` equal to
 * `agency-<code>` proves who sent it; a missing one proves nothing and is refused too.
 */
export function assertSentByAgency(userId: string | undefined, agencyCode: string): void {
  if (userId !== agencyUser(agencyCode)) {
    throw new DomainError(DossierErrors.commandUnauthorized, {
      params: { agency: agencyCode, user: agencyUser(agencyCode) },
    });
  }
}

/** The command with its data validated like an officer action (whitelist, no unknown fields). */
export async function parseCommand(envelope: EventEnvelope): Promise<AgencyCommand> {
  if (!COMMAND_TYPES.includes(envelope.type as CommandType)) {
    throw new DomainError(DossierErrors.commandUnknownType, {
      params: { type: envelope.type, types: COMMAND_TYPES.join(', ') },
    });
  }
  const raw = envelope.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError(DossierErrors.commandInvalid, {
      errors: [{ field: 'data', message: 'Thiếu dữ liệu của lệnh' }],
    });
  }
  const data = plainToInstance(AgencyCommandData, raw);
  const errors = await validate(data, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw new DomainError(DossierErrors.commandInvalid, { errors: fieldErrorsOf(errors) });
  }
  return { ...envelope, type: envelope.type as CommandType, data };
}
