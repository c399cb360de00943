import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProcedureCaseView, ProcedureComponentView, ProcedureView } from '../api/views';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { formatDate, formatMoney } from '../app/format';
import { loginPath, useSession } from '../auth/useSession';
import { useProcedure } from './api';
import { LevelTag } from './LevelTag';
import { ScrollingTable } from '../app/ScrollingTable';

/** Everything about one procedure (level 1), its forms (level 2) and online submission (3–4). */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams<{ code: string }>();
  const navigate = useNavigate();
  const state = useSession();
  const procedure = useProcedure(code);

  if (procedure.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (procedure.isError || !procedure.data) {
    const missing = procedure.error instanceof ApiProblem && procedure.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('catalogue.notFound') : problemMessage(procedure.error, t)}
        extra={<Link to="/thu-tuc">{t('catalogue.back')}</Link>}
      />
    );
  }
  const p = procedure.data;
  const apply = `/thu-tuc/${p.code}/nop-ho-so`;
  return (
    <article className="procedure">
      <header className="procedure-header">
        <h1 className="page-title">{p.name}</h1>
        <Space wrap className="procedure-tags">
          <LevelTag level={p.level} />
          <Tag>
            {t('catalogue.codeLabel')}: {p.code}
          </Tag>
          <Tag>{p.field.name}</Tag>
        </Space>
      </header>

      <Card className="apply-card">
        {p.onlineSubmission ? (
          <div className="apply-row">
            <p>{t(p.onlinePayment ? 'procedure.onlineLevel4' : 'procedure.onlineLevel3')}</p>
            <Button
              type="primary"
              size="large"
              icon={<SendOutlined />}
              onClick={() =>
                void navigate(state.status === 'authenticated' ? apply : loginPath(apply))
              }
            >
              {t('procedure.apply')}
            </Button>
          </div>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('procedure.offline', { agency: p.agency.name })}
            description={p.forms.length > 0 ? t('procedure.offlineForms') : undefined}
          />
        )}
      </Card>

      <Card title={<h2 className="block-title">{t('procedure.general')}</h2>}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'agency', label: t('procedure.agency'), children: p.agency.name },
            {
              key: 'implementing',
              label: t('procedure.implementingAgency'),
              children: p.implementingAgency,
            },
            {
              key: 'competent',
              label: t('procedure.competentAuthority'),
              children: p.competentAuthority,
            },
            { key: 'field', label: t('catalogue.field'), children: p.field.name },
            {
              key: 'subjects',
              label: t('procedure.subjects'),
              children: <Lines items={p.subjects} />,
            },
            {
              key: 'channels',
              label: t('procedure.channels'),
              children: p.channels.map((c) => t(`procedure.channel.${c}`)).join('; '),
            },
            {
              key: 'results',
              label: t('procedure.results'),
              children: <Lines items={p.results} />,
            },
            {
              key: 'conditions',
              label: t('procedure.conditions'),
              children: <Lines items={p.conditions} empty={t('procedure.noConditions')} />,
            },
            {
              key: 'legal',
              label: t('procedure.legalBasis'),
              children: <Lines items={p.legalBasis} />,
            },
            ...(p.decision
              ? [{ key: 'decision', label: t('procedure.decision'), children: p.decision }]
              : []),
            { key: 'updated', label: t('procedure.updatedAt'), children: formatDate(p.updatedAt) },
          ]}
        />
      </Card>

      {p.cases.length === 1 ? (
        <CaseDetails procedure={p} procedureCase={p.cases[0]} />
      ) : (
        <Card title={<h2 className="block-title">{t('procedure.cases')}</h2>}>
          <Tabs
            items={p.cases.map((c) => ({
              key: c.id,
              label: c.name,
              children: <CaseDetails procedure={p} procedureCase={c} embedded />,
            }))}
          />
        </Card>
      )}

      {p.forms.length > 0 ? (
        <Card title={<h2 className="block-title">{t('procedure.forms')}</h2>}>
          <ul className="form-downloads">
            {p.forms.map((f) => (
              <li key={f.id}>
                <a href={f.downloadUrl} download>
                  <DownloadOutlined aria-hidden="true" /> {f.name} ({f.format.toUpperCase()})
                </a>
                {f.reference ? <span className="muted"> — {f.reference}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </article>
  );
}

function Lines({ items, empty = '—' }: { items: string[]; empty?: string }) {
  if (items.length === 0) return <>{empty}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** One case (trường hợp): steps, components, processing times, fees. */
function CaseDetails({
  procedure,
  procedureCase: c,
  embedded,
}: {
  procedure: ProcedureView;
  procedureCase: ProcedureCaseView;
  embedded?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const formOf = (id: string | null) => procedure.forms.find((f) => f.id === id);
  const body = (
    <>
      <h3 className="section-subtitle">{t('procedure.steps')}</h3>
      <ol className="procedure-steps">
        {c.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>

      <h3 className="section-subtitle">{t('procedure.components')}</h3>
      <ScrollingTable<ProcedureComponentView>
        label={t('procedure.components')}
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={c.components}
        columns={[
          {
            title: t('procedure.componentName'),
            key: 'name',
            render: (_: unknown, m) => (
              <>
                {m.name}
                {m.note ? <div className="muted">{m.note}</div> : null}
                {formOf(m.formId) ? (
                  <div>
                    <a href={formOf(m.formId)!.downloadUrl} download>
                      <DownloadOutlined aria-hidden="true" /> {t('procedure.downloadForm')}
                    </a>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: t('procedure.originals'),
            dataIndex: 'originals',
            key: 'originals',
            align: 'center',
          },
          { title: t('procedure.copies'), dataIndex: 'copies', key: 'copies', align: 'center' },
          {
            title: t('procedure.required'),
            key: 'required',
            render: (_: unknown, m) =>
              m.required ? (
                <Tag color="red">{t('procedure.requiredYes')}</Tag>
              ) : (
                t('procedure.requiredNo')
              ),
          },
        ]}
      />

      <h3 className="section-subtitle">{t('procedure.processingTime')}</h3>
      <ul className="plain-list">
        {c.processingTimes.map((time) => (
          <li key={time.channel}>
            <strong>{t(`procedure.channel.${time.channel}`)}:</strong>{' '}
            {t(`procedure.unit.${time.unit}`, { count: time.value })}
            {time.note ? <span className="muted"> ({time.note})</span> : null}
          </li>
        ))}
      </ul>

      <h3 className="section-subtitle">{t('procedure.fees')}</h3>
      {c.fees.length === 0 ? (
        <p>{t('procedure.free')}</p>
      ) : (
        <ul className="plain-list">
          {c.fees.map((fee) => (
            <li key={fee.name}>
              <strong>{fee.name}:</strong>{' '}
              {fee.amountVnd === 0
                ? t('procedure.free')
                : fee.amountVnd === null
                  ? t('procedure.feeVaries')
                  : formatMoney(fee.amountVnd, i18n.language)}
              {fee.note ? <div className="muted">{fee.note}</div> : null}
            </li>
          ))}
        </ul>
      )}
      {procedure.feeAtSubmission ? (
        <Alert type="warning" showIcon title={t('procedure.feeAtSubmission')} />
      ) : null}
    </>
  );
  return embedded ? body : <Card title={<h2 className="block-title">{c.name}</h2>}>{body}</Card>;
}
