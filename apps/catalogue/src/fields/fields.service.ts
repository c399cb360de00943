import { Injectable } from '@nestjs/common';
import type { FieldView } from '@dvc/contracts';
import type { FieldSeed } from '../seed/seed.types';
import { mapFieldView } from './fields.dto';
import { FieldsRepository } from './fields.repository';

/** Lĩnh vực: the subject areas procedures are grouped by (hộ tịch, đất đai, …). */
@Injectable()
export class FieldsService {
  constructor(private readonly fields: FieldsRepository) {}

  async list(): Promise<FieldView[]> {
    return (await this.fields.list()).map(mapFieldView);
  }

  /** Codes among `codes` that are not in the catalogue. */
  async unknown(codes: string[]): Promise<Set<string>> {
    const known = await this.fields.existing(codes);
    return new Set(codes.filter((c) => !known.has(c)));
  }

  /** Seeds the fields; returns the codes created or renamed. */
  upsertAll(fields: FieldSeed[]): Promise<string[]> {
    return this.fields.upsertAll(fields);
  }
}
