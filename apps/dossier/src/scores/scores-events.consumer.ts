import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DossierRatedEvent,
  DossierStatusChangedEvent,
  EventEnvelope,
  Events,
} from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { ScoresRepository } from './scores.repository';
import { ScoreFact, scoreDeltas, withRating, withStatusChange } from './score-fact';

export const SCORES_QUEUE = 'dossier.scores';

/**
 * Keeps the scores' read model as the dossier events arrive: the dossier's fact is locked,
 * the event folded in, and its agency's months moved by the difference, in the inbox
 * transaction of the message (a redelivery is acknowledged without running again).
 */
@Injectable()
export class ScoresEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly scores: ScoresRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: SCORES_QUEUE,
      bindings: [Events.dossierStatusChanged, Events.dossierRated],
      handler: (envelope, manager) => this.handle(envelope, manager),
    });
  }

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = envelope.data as { dossierId?: unknown; agencyCode?: unknown };
    if (typeof data?.dossierId !== 'string' || typeof data.agencyCode !== 'string') return;
    const fold = foldOf(envelope);
    if (!fold) return;
    const before = await this.scores.lockFact(manager, data.dossierId, data.agencyCode);
    const after = fold(before);
    await this.scores.saveFact(manager, after);
    for (const delta of scoreDeltas(before, after)) {
      await this.scores.addCounts(manager, delta);
    }
  }
}

function foldOf(envelope: EventEnvelope): ((fact: ScoreFact) => ScoreFact) | null {
  switch (envelope.type) {
    case Events.dossierStatusChanged:
      return (fact) => withStatusChange(fact, envelope.data as DossierStatusChangedEvent);
    case Events.dossierRated:
      return (fact) => withRating(fact, envelope.data as DossierRatedEvent);
    default:
      return null;
  }
}
