import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, List, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { formatDate } from '../app/format';
import { AgencySelect } from './FeedbackAgencySelect';
import { feedbackApi } from './api';

const PAGE_SIZE = 10;

/** Phản ánh, kiến nghị: published questions and answers, searchable without accents. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? undefined,
    agency: params.get('agency') ?? undefined,
    page: Number(params.get('page') ?? '1') || 1,
  };
  const list = useQuery({
    queryKey: ['feedback', 'public', filter],
    queryFn: () => feedbackApi.published({ ...filter, pageSize: PAGE_SIZE }),
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
    <Card title={<h1 className="page-title">{t('feedback.title')}</h1>}>
      <p>{t('feedback.intro')}</p>
      <Space wrap className="tab-toolbar">
        <Link to="/phan-anh/gui">
          <Button type="primary">{t('feedback.send')}</Button>
        </Link>
        <Link to="/phan-anh/tra-cuu">
          <Button>{t('feedback.lookup')}</Button>
        </Link>
      </Space>
      <Space wrap className="tab-toolbar" role="search" aria-label={t('catalogue.filters')}>
        <Input.Search
          key={filter.q ?? ''}
          defaultValue={filter.q}
          allowClear
          placeholder={t('feedback.searchPlaceholder')}
          aria-label={t('feedback.searchPlaceholder')}
          onSearch={(value) => set('q', value.trim())}
          className="queue-search"
        />
        <AgencySelect
          value={filter.agency}
          onChange={(code) => set('agency', code)}
          aria-label={t('feedback.agency')}
        />
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, t)} /> : null}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('feedback.empty')} /> }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: filter.page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: (page) => set('page', String(page)),
              }
            : false
        }
        renderItem={(f) => (
          <List.Item key={f.code}>
            <article className="feedback-item">
              <h2 className="block-title">{f.title}</h2>
              <p className="muted">
                {f.code} · {formatDate(f.submittedAt)}
              </p>
              <p>{f.content}</p>
              <div className="feedback-answer">
                <strong>{t('feedback.answer')}</strong> ({formatDate(f.answeredAt)})
                <p>{f.answer}</p>
              </div>
            </article>
          </List.Item>
        )}
      />
    </Card>
  );
}
