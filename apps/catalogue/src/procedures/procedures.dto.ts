import { levelOffer, type ProcedureSummary, type ProcedureView } from '@dvc/contracts';
import type { AgencyRow } from '../agencies/agencies.dto';
import { mapAgencyView } from '../agencies/agencies.dto';
import type { ProcedureSeed } from '../seed/seed.types';

/** A procedure joined with its field and agency: what a search result row needs. */
export interface ProcedureSummaryRow {
  code: string;
  name: string;
  level: number;
  field_code: string;
  field_name: string;
  agency_code: string;
  agency_name: string;
  agency_level: AgencyRow['level'];
  agency_parent_code: string | null;
}

/** The whole record: the summary plus the stored content (the ProcedureSeed as written). */
export interface ProcedureRow extends ProcedureSummaryRow {
  content: ProcedureSeed;
  updated_at: Date;
}

/** Gateway path that downloads a form template (proxied to this app's internal route). */
export function formDownloadUrl(procedureCode: string, formId: string): string {
  return `/api/v1/procedures/${encodeURIComponent(procedureCode)}/forms/${encodeURIComponent(formId)}`;
}

export function mapProcedureSummary(row: ProcedureSummaryRow): ProcedureSummary {
  return {
    code: row.code,
    name: row.name,
    level: row.level as ProcedureSummary['level'],
    field: { code: row.field_code, name: row.field_name },
    agency: mapAgencyView({
      code: row.agency_code,
      name: row.agency_name,
      level: row.agency_level,
      parent_code: row.agency_parent_code,
    }),
  };
}

export function mapProcedureView(row: ProcedureRow): ProcedureView {
  const c = row.content;
  const summary = mapProcedureSummary(row);
  const offer = levelOffer(summary.level);
  // Below level 2 the portal only informs: the forms exist on paper, not as downloads.
  const forms = offer.formDownloads ? c.forms : [];
  return {
    ...summary,
    competentAuthority: c.competentAuthority,
    implementingAgency: c.implementingAgency,
    subjects: c.subjects,
    channels: c.channels,
    cases: c.cases.map((k) => ({
      id: k.id,
      name: k.name,
      steps: k.steps,
      components: k.components.map((m) => ({
        id: m.id,
        name: m.name,
        originals: m.originals,
        copies: m.copies,
        required: m.required,
        formId: offer.formDownloads ? (m.formId ?? null) : null,
        note: m.note ?? null,
      })),
      processingTimes: k.processingTimes.map((t) => ({
        channel: t.channel,
        value: t.value,
        unit: t.unit,
        note: t.note ?? null,
      })),
      fees: k.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd, note: f.note ?? null })),
      formSchema: k.formSchema ?? null,
    })),
    forms: forms.map((f) => ({
      id: f.id,
      name: f.name,
      format: f.format,
      reference: f.reference ?? null,
      downloadUrl: formDownloadUrl(row.code, f.id),
    })),
    results: c.results,
    legalBasis: c.legalBasis,
    conditions: c.conditions,
    decision: c.decision ?? null,
    feeAtSubmission: c.feeAtSubmission,
    onlineSubmission: offer.onlineSubmission,
    onlinePayment: offer.onlinePayment,
    updatedAt: row.updated_at.toISOString(),
  };
}
