import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Input, Modal, Select, Space, Switch, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FeedbackStatus, OfficerFeedbackView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { feedbackApi } from '../feedback/api';
import { ScrollingTable } from '../app/ScrollingTable';

const PAGE_SIZE = 20;
const STATUSES: FeedbackStatus[] = ['pending', 'answered'];

/** Phản ánh, kiến nghị of the officer's agencies: soonest due first, overdue marked. */
export function FeedbackQueuePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [answering, setAnswering] = useState<OfficerFeedbackView | null>(null);
  const filter = {
    status: (params.get('status') as FeedbackStatus | null) ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    page: Number(params.get('page') ?? '1') || 1,
  };
  const list = useQuery({
    queryKey: ['feedback', 'officer', filter],
    queryFn: () => feedbackApi.officerList({ ...filter, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  function set(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (!value) next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next);
  }
  return (
    <Card title={<h1 className="page-title">{t('officerFeedback.title')}</h1>}>
      <Space wrap className="tab-toolbar">
        <Select<FeedbackStatus | undefined>
          allowClear
          aria-label={t('feedback.status')}
          placeholder={t('officer.allStatuses')}
          className="filter-select"
          value={filter.status}
          onChange={(value) => set('status', value)}
          options={STATUSES.map((s) => ({ value: s, label: t(`feedback.statuses.${s}`) }))}
        />
        <label className="switch-label">
          <Switch
            checked={filter.overdue === true}
            onChange={(on) => set('overdue', on ? 'true' : undefined)}
          />{' '}
          {t('officer.overdueOnly')}
        </label>
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, t)} /> : null}
      <ScrollingTable<OfficerFeedbackView>
        label={t('officerFeedback.title')}
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        rowClassName={(f) => (f.overdue ? 'row-overdue' : '')}
        locale={{ emptyText: t('officerFeedback.empty') }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: (page) => set('page', String(page)),
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t('feedback.code'), key: 'code', render: (_: unknown, f) => f.code },
          {
            title: t('feedback.titleLabel'),
            key: 'title',
            render: (_: unknown, f) => (
              <>
                <strong>{f.title}</strong>
                <div className="muted">{f.content}</div>
              </>
            ),
          },
          {
            title: t('feedback.status'),
            key: 'status',
            render: (_: unknown, f) => (
              <>
                <Tag color={f.status === 'answered' ? 'green' : 'blue'}>
                  {t(`feedback.statuses.${f.status}`)}
                </Tag>
                {f.overdue ? <Tag color="red">{t('officerFeedback.overdue')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('feedback.dueAt'),
            key: 'due',
            render: (_: unknown, f) => formatDateTime(f.dueAt),
          },
          {
            title: '',
            key: 'act',
            render: (_: unknown, f) =>
              f.status === 'pending' ? (
                <Button onClick={() => setAnswering(f)}>{t('officerFeedback.answer')}</Button>
              ) : null,
          },
        ]}
      />
      <AnswerDialog
        feedback={answering}
        onClose={() => setAnswering(null)}
        onDone={() => {
          setAnswering(null);
          void client.invalidateQueries({ queryKey: ['feedback'] });
        }}
      />
    </Card>
  );
}

function AnswerDialog({
  feedback,
  onClose,
  onDone,
}: {
  feedback: OfficerFeedbackView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [publish, setPublish] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send() {
    if (!feedback) return;
    setBusy(true);
    setError(null);
    try {
      await feedbackApi.answer(feedback.id, { answer: answer.trim(), publish });
      setAnswer('');
      onDone();
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={feedback !== null}
      title={feedback ? `${t('officerFeedback.answer')} ${feedback.code}` : ''}
      onCancel={onClose}
      onOk={() => void send()}
      okText={t('officerFeedback.send')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <p>
        <strong>{feedback?.title}</strong>
      </p>
      <p>{feedback?.content}</p>
      <label htmlFor="feedback-answer" className="filter-label">
        {t('feedback.answer')}
      </label>
      <Input.TextArea
        id="feedback-answer"
        rows={5}
        maxLength={10000}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
      />
      <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
        {t('officerFeedback.publish')}
      </Checkbox>
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
    </Modal>
  );
}
