import { Injectable } from '@nestjs/common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { addFormKeywords } from '@dvc/forms';
import { FieldError, CatalogueErrors, DomainError } from '@dvc/contracts';
import type { ProcedureSeed } from '../seed/seed.types';
import { importProceduresSchema, procedureSeedSchema } from './procedure-seed.schema';

const MAX_ERRORS = 100;

/** An import body once its JSON Schema check passed. */
interface ValidImport {
  procedures: ProcedureSeed[];
}

/** Options every online-form schema must compile under (the dossier service validates form data with them). */
export function formSchemaAjv(): Ajv2020 {
  return addFormKeywords(
    addFormats(new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })),
  );
}

/**
 * Checks procedures before anything is written: the JSON Schema of ProcedureSeed, then
 * what a schema cannot say (ids unique, components pointing at existing forms, each
 * case's online-form schema compiling). Every problem is reported at once with its JSON
 * pointer, as a 422.
 */
@Injectable()
export class ProcedureSeedValidator {
  private readonly checkImport: ValidateFunction<ValidImport>;
  private readonly checkProcedure: ValidateFunction<ProcedureSeed>;
  private readonly formSchemas = formSchemaAjv();

  constructor() {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    this.checkImport = ajv.compile<ValidImport>(importProceduresSchema);
    this.checkProcedure = ajv.compile<ProcedureSeed>(procedureSeedSchema);
  }

  /** The procedures of an import body (`{ procedures: [...] }`); pointers like `/procedures/3/code`. */
  importBody(body: unknown): ProcedureSeed[] {
    if (!this.checkImport(body)) throw invalid(this.checkImport.errors);
    const errors: FieldError[] = [];
    const firstIndexOf = new Map<string, number>();
    body.procedures.forEach((seed, i) => {
      const seen = firstIndexOf.get(seed.code);
      if (seen === undefined) firstIndexOf.set(seed.code, i);
      else
        errors.push({
          field: `/procedures/${i}/code`,
          message: `Trùng mã thủ tục với /procedures/${seen}`,
        });
      errors.push(...this.consistency(seed, `/procedures/${i}`));
    });
    if (errors.length > 0) throw invalidWith(errors);
    return body.procedures;
  }

  /** One procedure (`catalogue.procedures.upsert`); pointers like `/code`. */
  procedure(body: unknown): ProcedureSeed {
    if (!this.checkProcedure(body)) throw invalid(this.checkProcedure.errors);
    const errors = this.consistency(body, '');
    if (errors.length > 0) throw invalidWith(errors);
    return body;
  }

  private consistency(seed: ProcedureSeed, at: string): FieldError[] {
    const errors: FieldError[] = [];
    const duplicates = (ids: string[], path: (i: number) => string, what: string) =>
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          errors.push({ field: path(i), message: `Trùng mã ${what}: ${id}` });
      });
    const formIds = seed.forms.map((f) => f.id);
    duplicates(formIds, (i) => `${at}/forms/${i}/id`, 'mẫu đơn');
    duplicates(
      seed.cases.map((c) => c.id),
      (i) => `${at}/cases/${i}/id`,
      'trường hợp',
    );
    seed.cases.forEach((c, i) => {
      const path = `${at}/cases/${i}`;
      duplicates(
        c.components.map((m) => m.id),
        (j) => `${path}/components/${j}/id`,
        'thành phần hồ sơ',
      );
      c.components.forEach((m, j) => {
        if (m.formId !== undefined && !formIds.includes(m.formId)) {
          errors.push({
            field: `${path}/components/${j}/formId`,
            message: `Không có mẫu đơn "${m.formId}" trong forms`,
          });
        }
      });
      if (c.formSchema !== undefined) {
        const problem = this.formSchemaProblem(c.formSchema);
        if (problem)
          errors.push({
            field: `${path}/formSchema`,
            message: `JSON Schema không hợp lệ: ${problem}`,
          });
      }
    });
    return errors;
  }

  /** Why the schema does not compile under ajv 2020 + ajv-formats, or null when it does. */
  private formSchemaProblem(schema: Record<string, unknown>): string | null {
    try {
      this.formSchemas.compile(schema);
      return null;
    } catch (err) {
      return (err as Error).message.slice(0, 300);
    } finally {
      this.formSchemas.removeSchema(schema); // a $id may come again in the next procedure
    }
  }
}

function invalid(errors: ErrorObject[] | null | undefined): DomainError {
  return invalidWith((errors ?? []).map(fieldError));
}

function invalidWith(errors: FieldError[]): DomainError {
  return new DomainError(CatalogueErrors.procedureInvalid, {
    params: { count: errors.length },
    errors: errors.slice(0, MAX_ERRORS),
  });
}

/** An ajv error as `{ field: JSON pointer, message }`, in Vietnamese. */
export function fieldError(e: ErrorObject): FieldError {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        field: `${e.instancePath}/${String(p.missingProperty)}`,
        message: 'Thiếu trường bắt buộc',
      };
    case 'additionalProperties':
      return {
        field: `${e.instancePath}/${String(p.additionalProperty)}`,
        message: 'Trường không được hỗ trợ',
      };
    default:
      return { field: e.instancePath || '/', message: messageOf(e, p) };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng',
  null: 'null',
};

function messageOf(e: ErrorObject, p: Record<string, unknown>): string {
  switch (e.keyword) {
    case 'type':
      return `Phải là ${String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' hoặc ')}`;
    case 'minLength':
      return p.limit === 1 ? 'Không được để trống' : `Tối thiểu ${String(p.limit)} ký tự`;
    case 'maxLength':
      return `Tối đa ${String(p.limit)} ký tự`;
    case 'minItems':
      return `Cần ít nhất ${String(p.limit)} phần tử`;
    case 'maxItems':
      return `Tối đa ${String(p.limit)} phần tử`;
    case 'minimum':
      return `Phải lớn hơn hoặc bằng ${String(p.limit)}`;
    case 'maximum':
      return `Phải nhỏ hơn hoặc bằng ${String(p.limit)}`;
    case 'enum':
      return `Phải là một trong: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return 'Sai định dạng';
    case 'uniqueItems':
      return 'Có phần tử trùng lặp';
    default:
      return e.message ?? 'Không hợp lệ';
  }
}
