import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { Theme as AntdTheme } from '@rjsf/antd';
import { withTheme } from '@rjsf/core';
import {
  TranslatableString,
  type RJSFSchema,
  type UiSchema,
  type WidgetProps,
  englishStringTranslator,
} from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@dvc/contracts';
import { formErrorTree } from '../api/problem';
import { fieldOrder } from './field-order';
import { formValidator } from './form-validator';

type FormData = Record<string, unknown>;
const ThemedForm = withTheme<FormData, RJSFSchema>(AntdTheme);
const validator = formValidator('final');

/** How a stored date (the schema's yyyy-mm-dd) is shown: dd/mm/yyyy, as Vietnamese write it. */
export function shownDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * What is stored for a typed date: d/m/yyyy becomes yyyy-mm-dd even when that day does not
 * exist (31/02/2030 → 2030-02-31), so the check says "not on the calendar" rather than
 * "empty"; anything else is kept as typed and reported as not a date.
 */
export function storedDate(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : typed;
}

/**
 * Dates typed as text (dd/mm/yyyy): quicker than a calendar for a birth date decades ago, and
 * a wrong day stays on screen with its own message instead of being silently dropped.
 */
function DateWidget({
  id,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  required,
}: WidgetProps) {
  const [text, setText] = useState(() => shownDate(value));
  // A value set from outside (a restored draft, the profile) replaces what is shown.
  useEffect(() => {
    setText((current) => (storedDate(current) === value ? current : shownDate(value)));
  }, [value]);
  return (
    <Input
      id={id}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      disabled={disabled || readonly}
      aria-required={required}
      onChange={(event) => {
        setText(event.target.value);
        onChange(storedDate(event.target.value));
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}

const ThemeSelect = AntdTheme.widgets!.SelectWidget!;

/**
 * A list to choose from, without the blank first option rjsf adds when the schema has no
 * default: the empty state is the "Chọn…" placeholder, not an option a person can pick. The
 * theme looks at the schema's default only for that, so one of the options stands in for it
 * (the value shown stays the form's own).
 */
function SelectWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const stand = props.schema.default ?? props.options.enumOptions?.[0]?.value;
  return (
    <ThemeSelect
      {...props}
      schema={{ ...props.schema, default: stand }}
      placeholder={props.placeholder || t('common.choose')}
    />
  );
}

function uiSchemaOf(schema: Record<string, unknown>): UiSchema<FormData, RJSFSchema> {
  return { 'ui:submitButtonOptions': { norender: true }, 'ui:order': [...fieldOrder(schema), '*'] };
}

const VIETNAMESE: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: 'Có',
  [TranslatableString.NoLabel]: 'Không',
  [TranslatableString.AddItemButton]: 'Thêm',
  [TranslatableString.AddButton]: 'Thêm',
  [TranslatableString.RemoveButton]: 'Xoá',
  [TranslatableString.MoveUpButton]: 'Lên',
  [TranslatableString.MoveDownButton]: 'Xuống',
  [TranslatableString.ErrorsLabel]: 'Lỗi',
  [TranslatableString.ClearLabel]: 'Xoá',
  [TranslatableString.NowLabel]: 'Bây giờ',
  [TranslatableString.AriaDateLabel]: 'Chọn ngày',
  [TranslatableString.EmptyArray]: 'Chưa có mục nào.',
};

/**
 * Tờ khai trực tuyến: the procedure case's JSON Schema rendered by rjsf with the Ant Design
 * theme. Errors (from the browser check or the API's 422) come in as FieldErrors with JSON
 * pointers and are shown beside their fields.
 */
export function OnlineForm({
  schema,
  formData,
  onChange,
  errors,
  disabled,
}: {
  schema: Record<string, unknown>;
  formData: FormData;
  onChange: (data: FormData) => void;
  errors: FieldError[];
  disabled?: boolean;
}) {
  const { i18n } = useTranslation();
  return (
    <ThemedForm
      className="online-form"
      schema={schema as RJSFSchema}
      uiSchema={uiSchemaOf(schema)}
      formContext={{ colon: false }}
      formData={formData}
      validator={validator}
      noValidate
      showErrorList={false}
      extraErrors={formErrorTree(errors) as never}
      onChange={(event) => onChange((event.formData ?? {}) as FormData)}
      widgets={{ DateWidget, SelectWidget }}
      disabled={disabled}
      translateString={(key, params) =>
        i18n.language === 'en'
          ? englishStringTranslator(key, params)
          : (VIETNAMESE[key] ?? englishStringTranslator(key, params))
      }
    />
  );
}
