import type { ReactNode } from 'react';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { fieldOrder } from './field-order';

type Schema = {
  title?: string;
  format?: string;
  type?: string;
  properties?: Record<string, Schema>;
};

/** The filled-in form read back, labelled with the schema's field titles. */
export function FormDataView({
  schema,
  data,
}: {
  schema: Record<string, unknown> | null | undefined;
  data: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const properties = (schema as Schema | null | undefined)?.properties ?? {};
  const keys = [...new Set([...(schema ? fieldOrder(schema) : []), ...Object.keys(data)])].filter(
    (key) => data[key] !== undefined && data[key] !== null && data[key] !== '',
  );
  if (keys.length === 0) return <p className="muted">{t('wizard.formEmpty')}</p>;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      className="form-data"
      items={keys.map((key) => ({
        key,
        label: properties[key]?.title ?? key,
        children: unbroken(show(data[key], properties[key], t)),
      }))}
    />
  );
}

function show(
  value: unknown,
  schema: Schema | undefined,
  t: (key: 'common.yes' | 'common.no') => string,
): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' && schema?.format === 'date') return formatDate(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An ID or phone number is read digit by digit: it never breaks across lines. */
function unbroken(text: string): ReactNode {
  return /^\+?[\d .]{6,}$/.test(text) ? <span className="nowrap">{text}</span> : text;
}
