import { Injectable } from '@nestjs/common';
import type { DossierView, OfficerDossierView } from '@dvc/contracts';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { ResultsRepository } from '../results/results.repository';
import { Dossier, mapDossierView, mapOfficerDossierView } from './dossiers.dto';
import { DossiersRepository } from './dossiers.repository';

/** A dossier with its slots, results and history, as the applicant or the officer sees it. */
@Injectable()
export class DossierViews {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly results: ResultsRepository,
  ) {}

  async citizen(d: Dossier): Promise<DossierView> {
    const [attachments, results, history] = await Promise.all([
      this.attachments.active(d.id),
      this.results.list(d.id),
      this.dossiers.history(d.id),
    ]);
    return mapDossierView(d, attachments, results, history, new Date());
  }

  async officer(d: Dossier): Promise<OfficerDossierView> {
    return mapOfficerDossierView(await this.citizen(d), d);
  }
}
