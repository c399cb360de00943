import { Injectable } from '@nestjs/common';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import type { FieldError } from '@dvc/contracts';
import { addFormKeywords, fieldErrorOf } from '@dvc/forms';

/** The online form of one procedure case (tờ khai trực tuyến), as snapshotted in the dossier. */
export interface OnlineForm {
  procedureCode: string;
  caseId: string;
  schema: Record<string, unknown> | null;
}

export type FormCheck = 'draft' | 'final';

interface Compiled {
  /** `required` left out: a draft may be incomplete, but what it holds must be right. */
  draft: ValidateFunction;
  final: ValidateFunction;
}

const CACHE_LIMIT = 500;

/**
 * Validates form data with ajv (JSON Schema 2020-12, ajv-formats). Schemas are compiled once
 * per procedure case and schema version: dossiers keep the schema of their draft's day.
 */
@Injectable()
export class FormValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  private readonly cache = new Map<string, Compiled>();

  constructor() {
    addFormKeywords(addFormats(this.ajv));
  }

  /** The field errors of `data` (empty when valid). */
  check(form: OnlineForm, data: Record<string, unknown>, mode: FormCheck): FieldError[] {
    if (!form.schema) {
      return Object.keys(data).length === 0
        ? []
        : [{ field: '', message: 'Thủ tục này không có tờ khai trực tuyến' }];
    }
    const validate = this.compiled(form.procedureCode, form.caseId, form.schema)[mode];
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error) => fieldErrorOf(error));
  }

  private compiled(
    procedureCode: string,
    caseId: string,
    original: Record<string, unknown>,
  ): Compiled {
    // `$id` would make ajv refuse the second compile of the same schema: the cache key does its job.
    const { $id: _id, ...schema } = original;
    const text = JSON.stringify(schema);
    const key = `${procedureCode}/${caseId}/${createHash('sha256').update(text).digest('base64url')}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      compiled = {
        draft: this.ajv.compile(withoutRequired(schema)),
        final: this.ajv.compile(JSON.parse(text) as Record<string, unknown>),
      };
      if (this.cache.size >= CACHE_LIMIT) this.evictOldest();
      this.cache.set(key, compiled);
    }
    return compiled;
  }

  private evictOldest(): void {
    const [key, oldest] = this.cache.entries().next().value!;
    this.cache.delete(key);
    // ajv keeps every compiled schema too; let it forget this one.
    this.ajv.removeSchema(oldest.draft.schema as object);
    this.ajv.removeSchema(oldest.final.schema as object);
  }
}

/**
 * The schema with every `required` list dropped, at any depth. A property that happens to be
 * named "required" is a schema (an object), never an array, so it stays.
 */
function withoutRequired(node: unknown): Record<string, unknown> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'required' && Array.isArray(v)) || k === 'dependentRequired') continue;
      out[k] = strip(v);
    }
    return out;
  };
  return strip(node) as Record<string, unknown>;
}
