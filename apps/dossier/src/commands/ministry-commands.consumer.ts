import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { COMMANDS_EXCHANGE } from '@dvc/contracts';
import { EventConsumer } from '@dvc/messaging';
import { MinistryCommandsService } from './ministry-commands.service';

/** The dossier service's queue of agency commands (dead-letters to `dossier.commands.dlq`). */
export const DOSSIER_COMMANDS_QUEUE = 'dossier.commands';

/**
 * Consumes everything agency systems publish to `dvc.commands` (routing key = command type;
 * any other key still arrives, and an unknown type is answered with a rejection).
 */
@Injectable()
export class MinistryCommandsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly commands: MinistryCommandsService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      queue: DOSSIER_COMMANDS_QUEUE,
      exchange: COMMANDS_EXCHANGE,
      bindings: ['#'],
      handler: (envelope, manager, properties) =>
        this.commands.handle(envelope, manager, properties),
    });
  }
}
