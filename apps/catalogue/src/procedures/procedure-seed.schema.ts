/**
 * JSON Schema (2020-12) of ProcedureSeed (../seed/seed.types.ts): what an import, an
 * upsert and the seed must look like. Keep the two in step.
 */

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const optionalText = (maxLength: number) => ({ type: 'string', maxLength });
const texts = (maxLength: number, maxItems: number) => ({
  type: 'array',
  maxItems,
  items: text(maxLength),
});
/** Ids inside a procedure (cases, components, forms); form ids end up in download URLs. */
const localId = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };
const channel = { enum: ['online', 'post', 'desk'] };

const componentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'originals', 'copies', 'required'],
  properties: {
    id: localId,
    name: text(1000),
    originals: { type: 'integer', minimum: 0, maximum: 100 },
    copies: { type: 'integer', minimum: 0, maximum: 100 },
    required: { type: 'boolean' },
    formId: localId,
    note: optionalText(2000),
  },
};

const processingTimeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'value', 'unit'],
  properties: {
    channel,
    value: { type: 'number', minimum: 0, maximum: 1000 },
    unit: { enum: ['working_day', 'working_hour', 'day'] },
    note: optionalText(1000),
  },
};

const feeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'amountVnd'],
  properties: {
    name: text(500),
    amountVnd: { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000_000_000 },
    note: optionalText(2000),
    sourceNote: optionalText(2000),
  },
};

const caseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'steps', 'components', 'processingTimes', 'fees'],
  properties: {
    id: localId,
    name: text(500),
    steps: texts(10_000, 100),
    components: { type: 'array', maxItems: 100, items: componentSchema },
    processingTimes: { type: 'array', maxItems: 10, items: processingTimeSchema },
    fees: { type: 'array', maxItems: 50, items: feeSchema },
    // Checked separately: it must itself compile as a 2020-12 schema.
    formSchema: { type: 'object' },
  },
};

const formSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'format', 'fields'],
  properties: {
    id: localId,
    name: text(500),
    format: { enum: ['docx', 'pdf'] },
    reference: optionalText(500),
    fields: texts(500, 200),
  },
};

export const procedureSeedSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'name',
    'fieldCode',
    'level',
    'agencyCode',
    'competentAuthority',
    'implementingAgency',
    'subjects',
    'channels',
    'cases',
    'forms',
    'results',
    'legalBasis',
    'conditions',
    'feeAtSubmission',
  ],
  properties: {
    code: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' },
    name: text(500),
    fieldCode: text(64),
    level: { type: 'integer', enum: [1, 2, 3, 4] },
    agencyCode: text(64),
    competentAuthority: text(1000),
    implementingAgency: text(1000),
    subjects: texts(500, 50),
    channels: { type: 'array', minItems: 1, uniqueItems: true, items: channel },
    cases: { type: 'array', minItems: 1, maxItems: 50, items: caseSchema },
    forms: { type: 'array', maxItems: 50, items: formSchema },
    results: texts(1000, 50),
    legalBasis: texts(1000, 200),
    conditions: texts(10_000, 100),
    decision: optionalText(500),
    feeAtSubmission: { type: 'boolean' },
  },
};

export const MAX_IMPORT_SIZE = 1000;

export const importProceduresSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['procedures'],
  properties: {
    procedures: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_IMPORT_SIZE,
      items: procedureSeedSchema,
    },
  },
};
