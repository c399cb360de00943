/**
 * Shape of the catalogue's seed data (the national procedure catalogue fields of
 * docs/domain.md). The same shape is accepted by
 * `POST /admin/procedures/import`, so seed and import share one validator.
 */

export type AgencyLevel = 'central' | 'province' | 'commune';

export interface AgencySeed {
  /** Unit code as used in dossier codes, e.g. `000.00.01.H26`. */
  code: string;
  name: string;
  level: AgencyLevel;
  parentCode?: string;
}

export interface FieldSeed {
  /** Short stable code, e.g. `ho-tich`. */
  code: string;
  name: string; // lĩnh vực
}

export type Channel = 'online' | 'post' | 'desk';
export type TimeUnit = 'working_day' | 'working_hour' | 'day';

export interface ProcessingTime {
  channel: Channel;
  value: number;
  unit: TimeUnit;
  note?: string;
}

export interface FeeSeed {
  name: string; // lệ phí / phí
  /** VND integer; 0 when free; null when it depends (per page, per circular) and the note says how. */
  amountVnd: number | null;
  /** Shown to citizens under "Phí, lệ phí". */
  note?: string;
  /** Where the figure comes from, for the people who keep the catalogue: never published. */
  sourceNote?: string;
}

export interface ComponentSeed {
  /** Stable within the procedure, e.g. `to-khai`. */
  id: string;
  name: string; // thành phần hồ sơ
  originals: number; // bản chính
  copies: number; // bản sao
  required: boolean;
  /** Id of a FormSeed whose template file the citizen downloads. */
  formId?: string;
  note?: string;
}

export interface ProcedureCaseSeed {
  /** Stable within the procedure, e.g. `mac-dinh`. */
  id: string;
  name: string; // trường hợp
  steps: string[];
  components: ComponentSeed[];
  processingTimes: ProcessingTime[];
  fees: FeeSeed[];
  /** JSON Schema (draft 2020-12 subset understood by ajv) of the online form; levels 3–4 only. */
  formSchema?: Record<string, unknown>;
}

export interface FormSeed {
  /** Stable id, e.g. `to-khai-khai-sinh`. */
  id: string;
  name: string;
  format: 'docx' | 'pdf';
  /** Legal reference of the template, e.g. `Mẫu kèm TT 04/2020/TT-BTP`. */
  reference?: string;
  /** Labels of the blanks to print on the generated template (one line each). */
  fields: string[];
}

export interface ProcedureSeed {
  code: string; // e.g. `1.001193`
  name: string;
  fieldCode: string;
  /** Service level 1–4 (docs/design.md §1). */
  level: 1 | 2 | 3 | 4;
  /** Agency that receives and settles the dossier (its code goes into the dossier code). */
  agencyCode: string;
  competentAuthority: string; // cơ quan có thẩm quyền
  implementingAgency: string; // cơ quan thực hiện
  subjects: string[]; // đối tượng thực hiện
  channels: Channel[];
  cases: ProcedureCaseSeed[];
  forms: FormSeed[];
  results: string[]; // kết quả
  legalBasis: string[]; // căn cứ pháp lý
  conditions: string[]; // yêu cầu, điều kiện
  decision?: string; // quyết định công bố
  /** True when the fee is paid at submission (payment before SUBMITTED). */
  feeAtSubmission: boolean;
}

export interface HolidaySeed {
  date: string; // YYYY-MM-DD
  name: string;
  /** `holiday`: a day off; `working_day`: a weekend day worked in exchange (ngày làm bù). */
  kind: 'holiday' | 'working_day';
}

export interface CatalogueSeed {
  agencies: AgencySeed[];
  fields: FieldSeed[];
  procedures: ProcedureSeed[];
  holidays: HolidaySeed[];
}
