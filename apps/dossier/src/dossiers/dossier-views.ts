import { Injectable } from '@nestjs/common';
import type { DossierView, OfficerDossierView } from '@dvc/contracts';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { ResultsRepository } from '../results/results.repository';
import { RatingsRepository } from '../ratings/ratings.repository';
import { ApologiesRepository } from '../letters/apologies.repository';
import { Dossier, mapDossierView, mapOfficerDossierView } from './dossiers.dto';
import { DossiersRepository } from './dossiers.repository';
import { isResultReleased } from './result-release';

/** A dossier with its slots, results, history and rating, as the applicant or the officer sees it. */
@Injectable()
export class DossierViews {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly results: ResultsRepository,
    private readonly ratings: RatingsRepository,
    private readonly apologies: ApologiesRepository,
  ) {}

  /** The applicant's view: results only once released to them. */
  citizen(d: Dossier): Promise<DossierView> {
    return this.view(d, isResultReleased(d.status));
  }

  /** The agency's view: every result attached so far. */
  async officer(d: Dossier): Promise<OfficerDossierView> {
    return mapOfficerDossierView(await this.view(d, true), d);
  }

  private async view(d: Dossier, withResults: boolean): Promise<DossierView> {
    const [attachments, results, history, rating, apologies] = await Promise.all([
      this.attachments.active(d.id),
      withResults ? this.results.list(d.id) : [],
      this.dossiers.history(d.id),
      this.ratings.find(d.id),
      this.apologies.list(d.id),
    ]);
    return mapDossierView(d, attachments, results, history, rating, apologies, new Date());
  }
}
