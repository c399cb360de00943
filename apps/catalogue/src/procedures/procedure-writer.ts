import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  Events,
  FieldError,
  ImportResult,
  CatalogueErrors,
  DomainError,
  levelOffer,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { AgenciesService } from '../agencies/agencies.service';
import { FieldsService } from '../fields/fields.service';
import { FormTemplateFile } from '../forms/form-template.generator';
import { FormTemplatesService } from '../forms/form-templates.service';
import type { ProcedureSeed } from '../seed/seed.types';
import { ProcedureCache } from './procedure.cache';
import { ProceduresRepository } from './procedures.repository';

/**
 * Bumped when the generated template files change, so the next seed or import of an
 * otherwise identical procedure regenerates them.
 */
const FORM_TEMPLATE_VERSION = 1;

/** Hash of what a procedure is: key order does not matter, content does. */
export function procedureContentHash(seed: ProcedureSeed): string {
  return createHash('sha256')
    .update(`templates:${FORM_TEMPLATE_VERSION}\n${canonicalJson(seed)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface WriteResult extends ImportResult {
  /** Codes created or updated. */
  changed: string[];
}

/**
 * The one write path of procedures (import, upsert and seed): validated seeds are
 * checked against the agencies and fields, then written in one transaction, idempotent
 * by code and content hash. A changed procedure gets its form files regenerated and a
 * `catalogue.procedure.upserted` event in the same transaction; its cache entry goes
 * after the commit.
 */
@Injectable()
export class ProcedureWriter {
  constructor(
    private readonly procedures: ProceduresRepository,
    private readonly agencies: AgenciesService,
    private readonly fields: FieldsService,
    private readonly forms: FormTemplatesService,
    private readonly cache: ProcedureCache,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** `pointer(i)` names seed i in error messages, e.g. `/procedures/3`. */
  async write(
    seeds: ProcedureSeed[],
    correlationId: string | null,
    pointer: (i: number) => string,
  ): Promise<WriteResult> {
    await this.checkReferences(seeds, pointer);

    const hashes = seeds.map(procedureContentHash);
    const stored = await this.procedures.contentHashes(seeds.map((s) => s.code));
    const candidates = seeds
      .map((seed, i) => ({ seed, hash: hashes[i] }))
      .filter(({ seed, hash }) => stored.get(seed.code) !== hash);
    // CPU work before the transaction, so it stays short.
    const files = new Map<string, FormTemplateFile[]>();
    for (const { seed } of candidates) {
      const downloads = levelOffer(seed.level).formDownloads ? seed.forms : [];
      files.set(seed.code, await this.forms.generate(downloads));
    }

    const result: WriteResult = {
      created: 0,
      updated: 0,
      unchanged: seeds.length - candidates.length,
      changed: [],
    };
    await this.unitOfWork.run(correlationId, async ({ manager, publish }) => {
      for (const { seed, hash } of candidates) {
        const outcome = await this.procedures.upsert(manager, seed, hash);
        result[outcome] += 1;
        if (outcome === 'unchanged') continue; // written meanwhile by someone else, identically
        await this.forms.replace(manager, seed.code, files.get(seed.code)!);
        await publish({ type: Events.procedureUpserted, data: { code: seed.code } });
        result.changed.push(seed.code);
      }
    });
    await this.cache.invalidate(result.changed);
    return result;
  }

  /** Fields or agencies were renamed: the cached views of their procedures show the old names. */
  async referencesChanged(fieldCodes: string[], agencyCodes: string[]): Promise<void> {
    if (fieldCodes.length === 0 && agencyCodes.length === 0) return;
    await this.cache.invalidate(await this.procedures.codesShowing(fieldCodes, agencyCodes));
  }

  private async checkReferences(
    seeds: ProcedureSeed[],
    pointer: (i: number) => string,
  ): Promise<void> {
    const [unknownAgencies, unknownFields] = await Promise.all([
      this.agencies.unknown([...new Set(seeds.map((s) => s.agencyCode))]),
      this.fields.unknown([...new Set(seeds.map((s) => s.fieldCode))]),
    ]);
    const errors: FieldError[] = [];
    seeds.forEach((s, i) => {
      if (unknownAgencies.has(s.agencyCode)) {
        errors.push({
          field: `${pointer(i)}/agencyCode`,
          message: `Không có cơ quan mã ${s.agencyCode}`,
        });
      }
      if (unknownFields.has(s.fieldCode)) {
        errors.push({
          field: `${pointer(i)}/fieldCode`,
          message: `Không có lĩnh vực mã ${s.fieldCode}`,
        });
      }
    });
    if (errors.length > 0) {
      throw new DomainError(CatalogueErrors.procedureInvalid, {
        params: { count: errors.length },
        errors,
      });
    }
  }
}
