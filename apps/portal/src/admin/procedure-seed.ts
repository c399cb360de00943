import type { ProcedureView } from '../api/views';

/**
 * A procedure as the admin API takes it (the catalogue's seed shape) from what the read API
 * gives (ProcedureView). The read API does not return the blanks printed on each form
 * template (`forms[].fields`): they are set to the form's name and must be completed.
 */
export function seedOf(view: ProcedureView): Record<string, unknown> {
  const optional = <T>(value: T | null) => (value === null ? undefined : value);
  return {
    code: view.code,
    name: view.name,
    fieldCode: view.field.code,
    level: view.level,
    agencyCode: view.agency.code,
    competentAuthority: view.competentAuthority,
    implementingAgency: view.implementingAgency,
    subjects: view.subjects,
    channels: view.channels,
    cases: view.cases.map((c) => ({
      id: c.id,
      name: c.name,
      steps: c.steps,
      components: c.components.map((m) => ({
        id: m.id,
        name: m.name,
        originals: m.originals,
        copies: m.copies,
        required: m.required,
        formId: optional(m.formId),
        note: optional(m.note),
      })),
      processingTimes: c.processingTimes.map((p) => ({
        channel: p.channel,
        value: p.value,
        unit: p.unit,
        note: optional(p.note),
      })),
      fees: c.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd, note: optional(f.note) })),
      formSchema: optional(c.formSchema),
    })),
    forms: view.forms.map((f) => ({
      id: f.id,
      name: f.name,
      format: f.format,
      reference: optional(f.reference),
      fields: [f.name],
    })),
    results: view.results,
    legalBasis: view.legalBasis,
    conditions: view.conditions,
    decision: optional(view.decision),
    feeAtSubmission: view.feeAtSubmission,
  };
}

export const NEW_PROCEDURE = {
  code: '9.000001',
  name: 'Tên thủ tục',
  fieldCode: 'ho-tich',
  level: 2,
  agencyCode: '000.00.01.H26',
  competentAuthority: 'Cơ quan có thẩm quyền',
  implementingAgency: 'Cơ quan thực hiện',
  subjects: ['Công dân Việt Nam'],
  channels: ['desk', 'post'],
  cases: [
    {
      id: 'mac-dinh',
      name: 'Trường hợp chung',
      steps: ['Nộp hồ sơ', 'Nhận kết quả'],
      components: [{ id: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, required: true }],
      processingTimes: [{ channel: 'desk', value: 5, unit: 'working_day' }],
      fees: [{ name: 'Lệ phí', amountVnd: 0 }],
    },
  ],
  forms: [],
  results: ['Kết quả'],
  legalBasis: ['Văn bản pháp luật'],
  conditions: [],
  feeAtSubmission: false,
};
