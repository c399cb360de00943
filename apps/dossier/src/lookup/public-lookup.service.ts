import { Injectable } from '@nestjs/common';
import { PublicLookupQuery, PublicLookupView, DossierErrors, DomainError } from '@dvc/contracts';
import { hashLookupSecret, matchesLookupHash } from '../codes/lookup-key';
import { mapPublicLookupView } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { LookupThrottle } from './lookup-throttle';

/**
 * TRA CỨU HỒ SƠ: anyone with the code and the lookup key (or the applicant's ID number)
 * sees the status and its history, never personal data. An unknown code and a wrong key
 * are the same 404, and both take the same work (hash compares in constant time).
 */
@Injectable()
export class PublicLookupService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly throttle: LookupThrottle,
  ) {}

  async lookup(input: PublicLookupQuery, ip: string | null): Promise<PublicLookupView> {
    const client = ip ?? 'unknown';
    await this.throttle.assertAllowed(client);
    const dossier = await this.dossiers.findByCode(input.code.trim());
    const idNumber = dossier?.applicant?.idNumber;
    // Both comparisons always run, so the answer time says nothing about which failed.
    const byKey = matchesLookupHash(input.key, dossier?.lookupKeyHash ?? null);
    const byIdNumber = matchesLookupHash(input.key, idNumber ? hashLookupSecret(idNumber) : null);
    if (!dossier || !(byKey || byIdNumber)) {
      await this.throttle.recordFailure(client);
      throw new DomainError(DossierErrors.lookupNotFound);
    }
    return mapPublicLookupView(dossier, await this.dossiers.history(dossier.id), new Date());
  }
}
