import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Input, Modal, Space } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ProcedureSummary } from '../api/views';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { catalogueApi } from '../catalogue/api';
import { LevelTag } from '../catalogue/LevelTag';
import { adminApi } from './api';
import { ScrollingTable } from '../app/ScrollingTable';

/** Quản trị thủ tục: the catalogue, each procedure editable as JSON, and bulk import. */
export function AdminProceduresPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const list = useQuery({
    queryKey: ['procedures', 'admin', q, page],
    queryFn: () => catalogueApi.search({ q: q || undefined, page, pageSize: 20 }),
    placeholderData: (previous) => previous,
  });
  return (
    <Card title={<h1 className="page-title">{t('admin.procedures')}</h1>}>
      <Space wrap className="tab-toolbar">
        <Input.Search
          allowClear
          placeholder={t('home.searchPlaceholder')}
          aria-label={t('home.searchLabel')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          className="queue-search"
        />
        <Link to="/quan-tri/thu-tuc/moi">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('admin.new')}
          </Button>
        </Link>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
          {t('admin.import')}
        </Button>
        <Link to="/quan-tri/ngay-nghi">{t('admin.holidays')}</Link>
        <Link to="/quan-tri/dong-bo">{t('admin.nationalSync')}</Link>
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, t)} /> : null}
      <ScrollingTable<ProcedureSummary>
        label={t('admin.procedures')}
        rowKey="code"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
        }}
        columns={[
          { title: t('catalogue.codeLabel'), dataIndex: 'code', key: 'code', width: 110 },
          {
            title: t('dossier.procedure'),
            key: 'name',
            render: (_: unknown, p) => <Link to={`/quan-tri/thu-tuc/${p.code}`}>{p.name}</Link>,
          },
          {
            title: t('catalogue.levelFilter'),
            key: 'level',
            render: (_: unknown, p) => <LevelTag level={p.level} />,
          },
          { title: t('catalogue.field'), key: 'field', render: (_: unknown, p) => p.field.name },
          { title: t('catalogue.agency'), key: 'agency', render: (_: unknown, p) => p.agency.name },
        ]}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function readFile(file: File | undefined) {
    if (file) setText(await file.text());
  }

  async function run() {
    setError(null);
    setResult(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      setError(t('admin.jsonInvalid', { reason: (err as Error).message }));
      return;
    }
    const procedures = Array.isArray(parsed)
      ? parsed
      : (parsed as { procedures?: unknown }).procedures;
    if (!Array.isArray(procedures)) {
      setError(t('admin.importShape'));
      return;
    }
    setBusy(true);
    try {
      const outcome = await adminApi.import(procedures);
      setResult(outcome);
      void message.success(t('admin.imported'));
      void client.invalidateQueries({ queryKey: ['procedures'] });
    } catch (err) {
      setError(
        err instanceof ApiProblem && err.errors.length > 0
          ? err.errors.map((e) => `${e.field}: ${e.message}`).join('\n')
          : problemMessage(err, t),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('admin.import')}
      onCancel={onClose}
      onOk={() => void run()}
      okText={t('admin.runImport')}
      okButtonProps={{ loading: busy, disabled: !text.trim() }}
      cancelText={t('common.close')}
      width={760}
      destroyOnHidden
    >
      <p>{t('admin.importHelp')}</p>
      <p>
        <label className="filter-label" htmlFor="import-file">
          {t('admin.importFile')}
        </label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
      </p>
      <Input.TextArea
        aria-label={t('admin.importJson')}
        className="json-editor"
        rows={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={<pre className="error-pre">{error}</pre>}
          className="form-alert"
        />
      ) : null}
      {result ? (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          title={t('admin.importResult', {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        />
      ) : null}
    </Modal>
  );
}
