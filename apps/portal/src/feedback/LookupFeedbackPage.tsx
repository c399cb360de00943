import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackLookupView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { feedbackApi } from './api';

/** Tra cứu phản ánh, kiến nghị: by its code and the lookup key given when it was sent. */
export function LookupFeedbackPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [found, setFound] = useState<FeedbackLookupView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function look(v: { code: string; key: string }) {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound(await feedbackApi.lookup(v.code.trim(), v.key.trim()));
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<h1 className="page-title">{t('feedback.lookup')}</h1>}>
      <Form
        layout="vertical"
        initialValues={{ code: params.get('code') ?? '' }}
        onFinish={(v: { code: string; key: string }) => void look(v)}
      >
        <Form.Item name="code" label={t('feedback.code')} rules={[{ required: true }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="key" label={t('feedback.lookupKey')} rules={[{ required: true }]}>
          <Input maxLength={16} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('feedback.lookupAction')}
        </Button>
      </Form>
      {error ? (
        <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
      ) : null}
      {found ? (
        <Descriptions
          className="form-alert"
          bordered
          size="small"
          column={1}
          items={[
            { key: 'title', label: t('feedback.titleLabel'), children: found.title },
            { key: 'content', label: t('feedback.content'), children: found.content },
            ...(found.attachments.length > 0
              ? [
                  {
                    key: 'files',
                    label: t('feedback.attachedFiles'),
                    children: found.attachments.map((a) => a.fileName).join(', '),
                  },
                ]
              : []),
            {
              key: 'status',
              label: t('feedback.status'),
              children: (
                <Tag color={found.status === 'answered' ? 'green' : 'blue'}>
                  {t(`feedback.statuses.${found.status}`)}
                </Tag>
              ),
            },
            { key: 'due', label: t('feedback.dueAt'), children: formatDateTime(found.dueAt) },
            { key: 'answer', label: t('feedback.answer'), children: found.answer ?? '—' },
          ]}
        />
      ) : null}
    </Card>
  );
}
