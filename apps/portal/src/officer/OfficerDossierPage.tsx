import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierStatusName, OfficerAction } from '../api/views';
import { caseFee } from '@dvc/contracts/fee-rule';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { formatDate, formatDateTime, formatMoney } from '../app/format';
import { useProcedure } from '../catalogue/api';
import { UploadControl } from '../files/UploadControl';
import { downloadFile } from '../files/transfer';
import { ComponentSlots } from '../dossiers/ComponentSlots';
import { FormDataView } from '../dossiers/FormDataView';
import { ACTION_INPUT, officerButtons } from '../dossiers/lifecycle';
import { DeadlineTag, StatusTag } from '../dossiers/StatusTag';
import { StatusTimeline } from '../dossiers/StatusTimeline';
import { ActionDialog } from './ActionDialog';
import { ApologyDialog } from './ApologyDialog';
import { officerApi, officerKey } from './api';

/** What the agency waits for while the clock is paused: said instead of "no action". */
const AWAITED: Partial<
  Record<DossierStatusName, 'officer.awaitingSupplement' | 'officer.awaitingPayment'>
> = {
  SUPPLEMENT_REQUESTED: 'officer.awaitingSupplement',
  PAYMENT_REQUIRED: 'officer.awaitingPayment',
};
const FINISHED: DossierStatusName[] = ['REFUSED', 'STOPPED', 'RETURNED'];

/** Xử lý hồ sơ: the dossier as filed, the legal next steps only, results, history. */
export function OfficerDossierPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams<{ id: string }>();
  const client = useQueryClient();
  const dossier = useQuery({ queryKey: officerKey(id), queryFn: () => officerApi.get(id) });
  const code = dossier.data?.procedure.code;
  const procedure = useProcedure(code);
  const [action, setAction] = useState<OfficerAction | null>(null);
  const [apologizing, setApologizing] = useState(false);

  if (dossier.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (dossier.isError || !dossier.data) {
    const missing = dossier.error instanceof ApiProblem && dossier.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('dossier.notFound') : problemMessage(dossier.error, t)}
      />
    );
  }
  const d = dossier.data;
  const procedureCase = procedure.data?.cases.find((c) => c.id === d.caseId);
  const schema = procedureCase?.formSchema ?? null;
  const actions = officerButtons(d.allowedActions);
  const canUploadResult = actions.includes('complete');
  const refresh = () => void client.invalidateQueries({ queryKey: ['dossier'] });

  return (
    <div className="dossier-page">
      <p>
        <Link to="/can-bo">← {t('officer.backToQueue')}</Link>
      </p>
      <header className="dossier-header">
        <div className="wizard-kicker">{t('officer.dossier')}</div>
        <h1 className="page-title">{d.procedure.name}</h1>
        <Space wrap>
          <StatusTag status={d.status} />
          <DeadlineTag deadline={d.deadline} />
          <span className="dossier-code">{d.code}</span>
        </Space>
      </header>

      <Card
        className="action-bar"
        title={<h2 className="block-title">{t('officer.nextSteps')}</h2>}
      >
        {AWAITED[d.status] ? (
          <p className="awaited" role="status">
            {t(AWAITED[d.status]!)}
          </p>
        ) : null}
        {actions.length === 0 ? (
          AWAITED[d.status] ? null : (
            <p className="muted">
              {t(FINISHED.includes(d.status) ? 'officer.noActions' : 'officer.noActionsYet')}
            </p>
          )
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === actions[0] ? 'primary' : 'default'}
                danger={ACTION_INPUT[a].danger}
                disabled={a === 'complete' && d.results.length === 0}
                title={
                  a === 'complete' && d.results.length === 0 ? t('officer.resultFirst') : undefined
                }
                onClick={() => setAction(a)}
              >
                {t(`officer.actions.${a}`)}
              </Button>
            ))}
            {d.status === 'PROCESSING' ? (
              <Button onClick={() => setApologizing(true)}>{t('officer.actions.apologize')}</Button>
            ) : null}
          </Space>
        )}
        {canUploadResult ? (
          <div className="result-upload">
            <h3 className="section-subtitle">{t('officer.results')}</h3>
            {d.results.length === 0 ? <p className="muted">{t('officer.resultFirst')}</p> : null}
            <UploadControl
              label={t('officer.uploadResult')}
              upload={(file, onProgress) => officerApi.addResult(d.id, file, onProgress)}
              onUploaded={refresh}
            />
          </div>
        ) : null}
        {d.results.length > 0 ? (
          <ul className="plain-list result-files">
            {d.results.map((r) => (
              <li key={r.fileId}>
                <Button
                  type="link"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void downloadFile(`/officer/dossiers/${d.id}/files/${r.fileId}`).catch(
                      (err: unknown) => message.error(problemMessage(err, t)),
                    )
                  }
                >
                  {r.fileName}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      {d.supplementRequest && d.status === 'SUPPLEMENT_REQUESTED' ? (
        <Alert
          type="warning"
          showIcon
          className="panel-alert"
          title={t('officer.waitingSupplement')}
          description={[d.supplementRequest.note, ...d.supplementRequest.missing]
            .filter(Boolean)
            .join(' · ')}
        />
      ) : null}
      {d.status === 'PAYMENT_REQUIRED' ? (
        <Alert
          type="warning"
          showIcon
          className="panel-alert"
          title={t('officer.waitingPayment', {
            amount: formatMoney(d.paymentAmount, i18n.language),
          })}
        />
      ) : null}

      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Card title={<h2 className="block-title">{t('officer.applicant')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'name', label: t('account.fullName'), children: d.applicant.fullName },
                {
                  key: 'id',
                  label: t('account.idNumber'),
                  children: <span className="nowrap">{d.applicant.idNumber ?? '—'}</span>,
                },
                { key: 'email', label: t('account.email'), children: d.applicant.email },
                {
                  key: 'phone',
                  label: t('account.phone'),
                  children: <span className="nowrap">{d.applicant.phone ?? '—'}</span>,
                },
                {
                  key: 'submitted',
                  label: t('dossier.submittedAt'),
                  children: formatDateTime(d.submittedAt),
                },
                {
                  key: 'received',
                  label: t('dossier.receivedAt'),
                  children: formatDateTime(d.receivedAt),
                },
                {
                  key: 'receipt',
                  label: t('dossier.receiptNumber'),
                  children: d.receiptNumber ?? '—',
                },
                {
                  key: 'due',
                  label: t('dossier.dueAt'),
                  children: d.clockPausedAt
                    ? t('dossier.clockPaused', { since: formatDate(d.clockPausedAt) })
                    : formatDateTime(d.dueAt),
                },
                {
                  key: 'delivery',
                  label: t('dossier.delivery'),
                  children:
                    t(`delivery.short.${d.deliveryMethod}`) +
                    (d.deliveryAddress
                      ? ` — ${d.deliveryAddress.recipient}, ${d.deliveryAddress.phone}, ${d.deliveryAddress.street}, ${d.deliveryAddress.ward}, ${d.deliveryAddress.province}`
                      : ''),
                },
              ]}
            />
          </Card>
          <Card title={<h2 className="block-title">{t('wizard.steps.form')}</h2>}>
            <FormDataView schema={schema} data={d.formData} />
          </Card>
          <Card title={<h2 className="block-title">{t('wizard.steps.components')}</h2>}>
            <ComponentSlots
              dossier={d}
              procedure={procedure.data}
              editable={false}
              filePath={(fileId) => `/officer/dossiers/${d.id}/files/${fileId}`}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="block-title">{t('dossier.history')}</h2>}>
            <StatusTimeline history={d.history} />
          </Card>
        </Col>
      </Row>
      <ApologyDialog
        open={apologizing}
        dossier={d}
        onClose={() => setApologizing(false)}
        onDone={(updated) => {
          setApologizing(false);
          client.setQueryData(officerKey(id), updated);
          void message.success(t('officer.apologized', { date: formatDateTime(updated.dueAt) }));
          refresh();
        }}
      />
      <ActionDialog
        action={action}
        dossier={d}
        fee={procedureCase ? caseFee(procedureCase.fees) : null}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          setAction(null);
          client.setQueryData(officerKey(id), updated);
          void message.success(t('officer.done', { status: t(`status.${updated.status}`) }));
          refresh();
        }}
      />
    </div>
  );
}
