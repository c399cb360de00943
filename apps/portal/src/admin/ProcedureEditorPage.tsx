import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Input, Skeleton, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { catalogueApi } from '../catalogue/api';
import { adminApi } from './api';
import { NEW_PROCEDURE, seedOf } from './procedure-seed';

/** One procedure as JSON (the catalogue's seed shape); the catalogue validates it on save. */
export function ProcedureEditorPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { code = 'moi' } = useParams<{ code: string }>();
  const creating = code === 'moi';
  const navigate = useNavigate();
  const client = useQueryClient();
  const procedure = useQuery({
    queryKey: ['procedure', code],
    queryFn: () => catalogueApi.procedure(code),
    enabled: !creating,
    staleTime: 0,
  });
  const [text, setText] = useState<string | null>(
    creating ? JSON.stringify(NEW_PROCEDURE, null, 2) : null,
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (procedure.data && text === null) setText(JSON.stringify(seedOf(procedure.data), null, 2));
  }, [procedure.data, text]);

  async function save() {
    setErrors([]);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text ?? '') as Record<string, unknown>;
    } catch (err) {
      setErrors([t('admin.jsonInvalid', { reason: (err as Error).message })]);
      return;
    }
    setBusy(true);
    try {
      const saved = creating ? await adminApi.create(body) : await adminApi.update(code, body);
      void message.success(t('admin.saved', { code: saved.code }));
      void client.invalidateQueries({ queryKey: ['procedure'] });
      void client.invalidateQueries({ queryKey: ['procedures'] });
      if (creating) void navigate(`/quan-tri/thu-tuc/${saved.code}`, { replace: true });
    } catch (err) {
      setErrors(
        err instanceof ApiProblem && err.errors.length > 0
          ? err.errors.map((e) => `${e.field || '/'}: ${e.message}`)
          : [problemMessage(err, t)],
      );
    } finally {
      setBusy(false);
    }
  }

  if (!creating && procedure.isLoading) return <Skeleton active />;
  if (!creating && procedure.isError)
    return <Alert type="error" showIcon title={problemMessage(procedure.error, t)} />;
  return (
    <Card
      title={
        <h1 className="page-title">{creating ? t('admin.new') : t('admin.edit', { code })}</h1>
      }
      extra={<Link to="/quan-tri/thu-tuc">{t('admin.back')}</Link>}
    >
      {!creating ? (
        <Alert type="info" showIcon title={t('admin.formFieldsNote')} className="form-alert" />
      ) : null}
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert"
          title={t('admin.invalid')}
          description={
            <ul className="plain-list">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Input.TextArea
        aria-label={t('admin.json')}
        className="json-editor"
        autoSize={{ minRows: 20, maxRows: 40 }}
        value={text ?? ''}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <Space className="wizard-actions">
        <Button type="primary" onClick={() => void save()} loading={busy}>
          {t('common.save')}
        </Button>
        {!creating ? <Link to={`/thu-tuc/${code}`}>{t('admin.viewPublic')}</Link> : null}
      </Space>
    </Card>
  );
}
