import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Radio, Result, Skeleton, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { dossiersApi } from '../dossiers/api';
import { useProcedure } from './api';

/**
 * "Nộp hồ sơ trực tuyến": picks the case (trường hợp) when there are several, offers a draft
 * already started for this procedure, then creates the draft and opens the wizard.
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams<{ code: string }>();
  const navigate = useNavigate();
  const procedure = useProcedure(code);
  const drafts = useQuery({
    queryKey: ['dossier', 'drafts'],
    queryFn: () => dossiersApi.list({ status: 'DRAFT', pageSize: 100 }),
  });
  const [caseId, setCaseId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const creating = useRef(false);

  const existing = (drafts.data?.items ?? []).filter((d) => d.procedure.code === code);
  const cases = procedure.data?.cases ?? [];

  async function create(chosen?: string) {
    if (creating.current) return;
    creating.current = true;
    setError(null);
    try {
      const draft = await dossiersApi.create(code, chosen);
      void navigate(`/ho-so/${draft.id}/nop`, { replace: true });
    } catch (err) {
      setError(problemMessage(err, t));
      creating.current = false;
    }
  }

  // One case and no draft to resume: nothing to choose, go straight to the form.
  const straight = procedure.data && drafts.data && cases.length === 1 && existing.length === 0;
  useEffect(() => {
    if (straight && procedure.data?.onlineSubmission) void create(cases[0].id);
  }, [straight]);

  if (procedure.isLoading || drafts.isLoading) return <Skeleton active />;
  if (procedure.isError || drafts.isError) {
    return <Result status="error" title={problemMessage(procedure.error ?? drafts.error, t)} />;
  }
  const p = procedure.data!;
  if (!p.onlineSubmission) {
    return (
      <Result
        status="info"
        title={t('procedure.offline', { agency: p.agency.name })}
        extra={<Link to={`/thu-tuc/${p.code}`}>{t('apply.backToProcedure')}</Link>}
      />
    );
  }
  if (straight && !error) {
    return (
      <div className="page-loading" role="status">
        <Skeleton active />
        <p>{t('apply.creating')}</p>
      </div>
    );
  }
  return (
    <Card title={<h1 className="page-title">{t('apply.title', { name: p.name })}</h1>}>
      {error ? (
        <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
      ) : null}
      {existing.length > 0 ? (
        <section className="apply-section">
          <h2 className="section-subtitle">{t('apply.drafts')}</h2>
          <ul className="plain-list">
            {existing.map((d) => (
              <li key={d.id}>
                <Link to={`/ho-so/${d.id}/nop`}>
                  {t('apply.resume', { date: formatDateTime(d.createdAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="apply-section">
        <h2 className="section-subtitle">{t('apply.newDossier')}</h2>
        {cases.length > 1 ? (
          <fieldset className="plain-fieldset">
            <legend className="fieldset-legend">{t('apply.chooseCase')}</legend>
            <Radio.Group
              value={caseId}
              onChange={(e) => setCaseId(e.target.value as string)}
              className="case-list"
              options={cases.map((c) => ({ value: c.id, label: c.name }))}
            />
          </fieldset>
        ) : null}
        <Space>
          <Button
            type="primary"
            disabled={cases.length > 1 && !caseId}
            onClick={() => void create(cases.length > 1 ? caseId : cases[0]?.id)}
          >
            {t('apply.start')}
          </Button>
          <Link to={`/thu-tuc/${p.code}`}>{t('apply.backToProcedure')}</Link>
        </Space>
      </section>
    </Card>
  );
}
