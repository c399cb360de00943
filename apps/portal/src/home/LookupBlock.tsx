import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { body, client } from '../api/client';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { formatDate } from '../app/format';
import { OverdueTag, StatusTag } from '../dossiers/StatusTag';
import { StatusTimeline } from '../dossiers/StatusTimeline';

interface LookupForm {
  code: string;
  key: string;
}

/** TRA CỨU HỒ SƠ ĐÃ NỘP: dossier code + lookup key (or ID number) → status and history, below. */
export function LookupBlock() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LookupForm>();
  const [asked, setAsked] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: ({ code, key }: LookupForm) =>
      body(
        client.GET('/api/v1/public/dossiers/lookup', {
          params: { query: { code: code.trim(), key: key.trim().toUpperCase() } },
        }),
      ),
  });

  const notFound = lookup.error instanceof ApiProblem && lookup.error.status === 404;
  const result = lookup.data;
  return (
    <Card
      id="tra-cuu"
      className="lookup-block"
      title={<h2 className="block-title">{t('lookup.title')}</h2>}
    >
      <Form
        name="lookup"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setAsked(values.code.trim());
          lookup.mutate(values);
        }}
      >
        <Form.Item
          name="code"
          label={t('lookup.code')}
          rules={[{ required: true, whitespace: true, message: t('lookup.codeRequired') }]}
        >
          <Input placeholder={t('lookup.codePlaceholder')} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('lookup.key')}
          extra={t('lookup.keyHelp')}
          rules={[{ required: true, whitespace: true, message: t('lookup.keyRequired') }]}
        >
          <Input placeholder={t('lookup.keyPlaceholder')} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          loading={lookup.isPending}
        >
          {t('lookup.submit')}
        </Button>
      </Form>

      <div className="lookup-result" aria-live="polite">
        {lookup.isError ? (
          <Alert
            type={notFound ? 'warning' : 'error'}
            showIcon
            title={
              notFound ? t('lookup.notFound', { code: asked }) : problemMessage(lookup.error, t)
            }
          />
        ) : null}
        {result ? (
          <section aria-label={t('lookup.resultLabel')}>
            <h3 className="lookup-result-title">{t('lookup.result')}</h3>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'code', label: t('dossier.code'), children: <strong>{result.code}</strong> },
                {
                  key: 'procedure',
                  label: t('dossier.procedure'),
                  children: result.procedure.name,
                },
                { key: 'agency', label: t('dossier.agency'), children: result.agency.name },
                {
                  key: 'status',
                  label: t('dossier.status'),
                  children: (
                    <>
                      <StatusTag status={result.status} />
                      <OverdueTag overdue={result.overdue} />
                    </>
                  ),
                },
                {
                  key: 'submitted',
                  label: t('dossier.submittedAt'),
                  children: formatDate(result.submittedAt),
                },
                {
                  key: 'received',
                  label: t('dossier.receivedAt'),
                  children: formatDate(result.receivedAt),
                },
                { key: 'due', label: t('dossier.dueAt'), children: formatDate(result.dueAt) },
              ]}
            />
            <h4 className="section-subtitle">{t('dossier.history')}</h4>
            <StatusTimeline history={result.history} />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
