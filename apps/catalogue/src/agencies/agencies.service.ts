import { Injectable } from '@nestjs/common';
import type { AgencyView } from '@dvc/contracts';
import type { AgencySeed } from '../seed/seed.types';
import { mapAgencyView } from './agencies.dto';
import { AgenciesRepository } from './agencies.repository';

/** Cơ quan thực hiện: the agencies that receive and settle dossiers. */
@Injectable()
export class AgenciesService {
  constructor(private readonly agencies: AgenciesRepository) {}

  async list(): Promise<AgencyView[]> {
    return (await this.agencies.list()).map(mapAgencyView);
  }

  /** Codes among `codes` that are not in the catalogue. */
  async unknown(codes: string[]): Promise<Set<string>> {
    const known = await this.agencies.existing(codes);
    return new Set(codes.filter((c) => !known.has(c)));
  }

  /** Seeds the agencies; returns the codes created or changed. */
  upsertAll(agencies: AgencySeed[]): Promise<string[]> {
    return this.agencies.upsertAll(agencies);
  }
}
