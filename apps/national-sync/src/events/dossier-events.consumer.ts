import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DossierStatusChangedEvent,
  DossierSubmittedEvent,
  EventEnvelope,
  Events,
} from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { HubCallsRepository } from '../calls/hub-calls.repository';
import { NationalSyncConfig } from '../national-sync.config';
import { HubCallDraft, statusChangedCalls, submittedCalls } from '../hub/hub-messages';

export const NATIONAL_SYNC_EVENTS_QUEUE = 'national-sync.events';

/** The dossier events the hub hears of (the agency copies under `agency.*` are not bound). */
export const NATIONAL_SYNC_EVENT_BINDINGS = [Events.dossierSubmitted, Events.dossierStatusChanged];

/**
 * Turns dossier events into queued hub calls, inside the inbox transaction of the event: a
 * redelivered event finds its id in the inbox and queues nothing, and the call ids (the event
 * id, or derived from it) make a second queueing a no-op anyway. No HTTP here: the dispatcher
 * sends later, so the event is acknowledged whether or not the hub is up. A call waits
 * NATIONAL_SYNC_SETTLE_MS before its first attempt: events of one dossier that arrive out of
 * order within that time still go out in the order they happened (their `at`).
 */
@Injectable()
export class DossierEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly calls: HubCallsRepository,
    private readonly config: NationalSyncConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: NATIONAL_SYNC_EVENTS_QUEUE,
      bindings: NATIONAL_SYNC_EVENT_BINDINGS,
      handler: (envelope, manager) => this.handle(envelope, manager),
      ignores: callsNothing,
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const drafts = callsFor(envelope);
    if (drafts.length === 0) return;
    const data = envelope.data as DossierSubmittedEvent;
    await this.calls.queue(
      manager,
      { id: data.dossierId, code: data.code },
      data.at,
      drafts,
      this.config.NATIONAL_SYNC_SETTLE_MS,
    );
  }
}

/**
 * An event that queues no hub call (a change out of DRAFT or into SUBMITTED, which the
 * dossier-sync of `dossier.submitted` tells): acknowledged without the inbox transaction.
 * A payload the hub messages cannot read is not ignored: the handler meets it.
 */
export function callsNothing(envelope: EventEnvelope): boolean {
  try {
    return callsFor(envelope).length === 0;
  } catch {
    return false;
  }
}

export function callsFor(envelope: EventEnvelope): HubCallDraft[] {
  switch (envelope.type) {
    case Events.dossierSubmitted:
      return submittedCalls(envelope.id, envelope.data as DossierSubmittedEvent);
    case Events.dossierStatusChanged:
      return statusChangedCalls(envelope.id, envelope.data as DossierStatusChangedEvent);
    default:
      return [];
  }
}
