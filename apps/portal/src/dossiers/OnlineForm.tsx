import { DatePicker } from 'antd';
import { Theme as AntdTheme } from '@rjsf/antd';
import { withTheme } from '@rjsf/core';
import {
  TranslatableString,
  type RJSFSchema,
  type UiSchema,
  type WidgetProps,
  englishStringTranslator,
} from '@rjsf/utils';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@dvc/contracts';
import { formErrorTree } from '../api/problem';
import { fieldOrder } from './field-order';
import { formValidator } from './form-validator';

dayjs.extend(customParseFormat);

type FormData = Record<string, unknown>;
const ThemedForm = withTheme<FormData, RJSFSchema>(AntdTheme);
const validator = formValidator('final');

/** Dates typed and shown as Vietnamese write them (dd/mm/yyyy), stored as the schema's YYYY-MM-DD. */
function DateWidget({
  id,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  required,
  label,
}: WidgetProps) {
  const parsed =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? dayjs(value, 'YYYY-MM-DD', true)
      : null;
  return (
    <DatePicker
      id={id}
      className="full-width"
      format={['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD']}
      placeholder="dd/mm/yyyy"
      value={parsed?.isValid() ? parsed : null}
      disabled={disabled || readonly}
      aria-required={required}
      aria-label={label}
      onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : undefined)}
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
