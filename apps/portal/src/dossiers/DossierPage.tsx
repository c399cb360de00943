import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@dvc/contracts';
import type { DossierView, PaymentView } from '../api/views';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { formatDate, formatDateTime, formatMoney } from '../app/format';
import { useProcedure } from '../catalogue/api';
import { downloadFile } from '../files/transfer';
import { CheckoutDialog } from '../payments/CheckoutDialog';
import { PAYMENTS_KEY, isPayable, paymentsApi } from '../payments/api';
import { dossierKey, dossiersApi } from './api';
import { ComponentSlots } from './ComponentSlots';
import { FormDataView } from './FormDataView';
import { OnlineForm } from './OnlineForm';
import { OverdueTag, StatusTag } from './StatusTag';
import { RatingCard, canRate } from './RatingCard';
import { StatusTimeline } from './StatusTimeline';
import { ApologyNotices, ReceiptLetter, VerificationCode } from './SignedLetters';

/** Chi tiết hồ sơ: status and history, supplement, payment, result download, withdrawal. */
export function DossierPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams<{ id: string }>();
  const client = useQueryClient();
  const dossier = useQuery({ queryKey: dossierKey(id), queryFn: () => dossiersApi.get(id) });
  const code = dossier.data?.procedure.code;
  const procedure = useProcedure(code);
  const actions = dossier.data?.allowedActions ?? [];
  const payments = useQuery({
    queryKey: [...PAYMENTS_KEY, 'of', id],
    queryFn: () => paymentsApi.list({ pageSize: 100 }),
    enabled: actions.includes('pay'),
    retry: false,
    // The payment service creates the payment from the dossier's event: ask until it is there.
    refetchInterval: (q) =>
      q.state.data?.items.some((p) => p.dossierId === id && isPayable(p.status)) ? false : 3000,
  });
  const [paying, setPaying] = useState<PaymentView | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

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
  const schema = procedure.data?.cases.find((c) => c.id === d.caseId)?.formSchema ?? null;
  const refresh = () => void client.invalidateQueries({ queryKey: ['dossier'] });
  const due = (payments.data?.items ?? []).find((p) => p.dossierId === d.id && isPayable(p.status));

  return (
    <div className="dossier-page">
      <header className="dossier-header">
        <div className="wizard-kicker">{t('dossier.title')}</div>
        <h1 className="page-title">{d.procedure.name}</h1>
        <Space wrap>
          <StatusTag status={d.status} />
          <OverdueTag overdue={d.overdue} />
          {d.code ? <span className="dossier-code">{d.code}</span> : null}
        </Space>
      </header>

      {d.status === 'DRAFT' ? (
        <Alert
          type="info"
          showIcon
          title={t('dossier.draftNotice')}
          action={
            <Link to={`/ho-so/${d.id}/nop`}>
              <Button type="primary">{t('dossier.continue')}</Button>
            </Link>
          }
        />
      ) : null}

      {d.status === 'SUPPLEMENT_REQUESTED' ? (
        <SupplementPanel dossier={d} schema={schema} onChanged={refresh} />
      ) : null}

      {actions.includes('pay') ? (
        <Alert
          className="panel-alert"
          type="warning"
          showIcon
          title={t('dossier.paymentDue', { amount: formatMoney(d.paymentAmount, i18n.language) })}
          description={
            payments.isError
              ? problemMessage(payments.error, t)
              : due
                ? due.description
                : payments.isLoading
                  ? t('common.loading')
                  : t('dossier.paymentPreparing')
          }
          action={
            due ? (
              <Button type="primary" onClick={() => setPaying(due)}>
                {t('pay.pay')}
              </Button>
            ) : null
          }
        />
      ) : null}

      <ApologyNotices apologies={d.apologies ?? []} />

      {d.results.length > 0 ? (
        <Card
          className="results-card"
          title={<h2 className="block-title">{t('dossier.results')}</h2>}
        >
          <ul className="plain-list">
            {d.results.map((r) => (
              <li key={r.fileId}>
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void downloadFile(r.downloadUrl.replace(/^\/api\/v1/, '')).catch(
                      (err: unknown) => message.error(problemMessage(err, t)),
                    )
                  }
                >
                  {t('dossier.downloadResult', { name: r.fileName })}
                </Button>
                {r.verificationCode ? (
                  <div>
                    <VerificationCode code={r.verificationCode} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {canRate(d) ? <RatingCard dossier={d} onRated={refresh} /> : null}

      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Card title={<h2 className="block-title">{t('dossier.info')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: 'code',
                  label: t('dossier.code'),
                  children: <span className="nowrap">{d.code ?? '—'}</span>,
                },
                ...(d.lookupKey
                  ? [
                      {
                        key: 'lookupKey',
                        label: t('receipt.lookupKey'),
                        children: (
                          <>
                            <strong className="lookup-key">{d.lookupKey}</strong>
                            <div className="muted">{t('dossier.lookupKeyHelp')}</div>
                          </>
                        ),
                      },
                    ]
                  : []),
                { key: 'agency', label: t('dossier.agency'), children: d.agency.name },
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
                  children: <ReceiptLetter dossier={d} />,
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
                    (d.deliveryTracking
                      ? ` — ${t('dossier.tracking')}: ${d.deliveryTracking}`
                      : ''),
                },
              ]}
            />
          </Card>
          <Card title={<h2 className="block-title">{t('wizard.steps.form')}</h2>}>
            <FormDataView schema={schema} data={d.formData} />
          </Card>
          {d.status !== 'SUPPLEMENT_REQUESTED' ? (
            <Card title={<h2 className="block-title">{t('wizard.steps.components')}</h2>}>
              <ComponentSlots
                dossier={d}
                procedure={procedure.data}
                editable={false}
                filePath={(fileId) => `/dossiers/${d.id}/files/${fileId}`}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="block-title">{t('dossier.history')}</h2>}>
            <StatusTimeline history={d.history} />
          </Card>
          {actions.includes('withdraw') ? (
            <Card>
              <p className="muted">{t('dossier.withdrawHelp')}</p>
              <Button danger onClick={() => setWithdrawing(true)}>
                {t('dossier.withdraw')}
              </Button>
            </Card>
          ) : null}
        </Col>
      </Row>
      <WithdrawDialog
        open={withdrawing}
        dossier={d}
        onClose={() => setWithdrawing(false)}
        onDone={() => {
          setWithdrawing(false);
          refresh();
        }}
      />
      <CheckoutDialog payment={paying} onClose={() => setPaying(null)} />
    </div>
  );
}

/** Bổ sung hồ sơ: what the officer asked for, the files to add, the form to fix, "Gửi bổ sung". */
function SupplementPanel({
  dossier: d,
  schema,
  onChanged,
}: {
  dossier: DossierView;
  schema: Record<string, unknown> | null;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const request = d.supplementRequest;
  const [formData, setFormData] = useState<Record<string, unknown>>(d.formData);
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  const [editingForm, setEditingForm] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveForm() {
    setBusy(true);
    try {
      await dossiersApi.update(d.id, { formData });
      setFormErrors([]);
      setEditingForm(false);
      void message.success(t('wizard.saved'));
      onChanged();
    } catch (err) {
      if (err instanceof ApiProblem && err.errors.length > 0) setFormErrors(err.errors);
      else setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await dossiersApi.supplement(d.id, note.trim() || undefined);
      void message.success(t('supplement.sent'));
      onChanged();
    } catch (err) {
      if (err instanceof ApiProblem && err.errors.length > 0) {
        setFormErrors(err.errors.filter((e) => e.field.startsWith('/')));
        setError(
          `${err.detailIn(i18n.language) ?? ''} ${err.errors.map((e) => e.message).join('; ')}`,
        );
      } else setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      className="supplement-card"
      title={<h2 className="block-title">{t('supplement.title')}</h2>}
    >
      <Alert
        type="warning"
        showIcon
        title={t('supplement.requested', { date: formatDateTime(request?.requestedAt) })}
        description={
          <div>
            {request?.note ? <p>{request.note}</p> : null}
            {request && request.missing.length > 0 ? (
              <>
                <p>{t('supplement.missing')}</p>
                <ul>
                  {request.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {request?.deadline ? (
              <p>{t('supplement.deadline', { date: formatDate(request.deadline) })}</p>
            ) : null}
          </div>
        }
      />
      <h3 className="section-subtitle">{t('wizard.steps.components')}</h3>
      <ComponentSlots
        dossier={d}
        editable
        requested={request?.missing}
        filePath={(fileId) => `/dossiers/${d.id}/files/${fileId}`}
        onChanged={onChanged}
      />
      {schema ? (
        <>
          <h3 className="section-subtitle">{t('wizard.steps.form')}</h3>
          {editingForm ? (
            <>
              <OnlineForm
                schema={schema}
                formData={formData}
                onChange={setFormData}
                errors={formErrors}
              />
              <Space>
                <Button onClick={() => void saveForm()} loading={busy}>
                  {t('wizard.saveDraft')}
                </Button>
                <Button onClick={() => setEditingForm(false)}>{t('common.cancel')}</Button>
              </Space>
            </>
          ) : (
            <Button onClick={() => setEditingForm(true)}>{t('supplement.editForm')}</Button>
          )}
        </>
      ) : null}
      <h3 className="section-subtitle">{t('supplement.noteLabel')}</h3>
      <Input.TextArea
        aria-label={t('supplement.noteLabel')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        rows={3}
        placeholder={t('supplement.notePlaceholder')}
      />
      {error ? (
        <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
      ) : null}
      <div className="wizard-actions">
        <Button type="primary" onClick={() => void send()} loading={busy}>
          {t('supplement.send')}
        </Button>
      </div>
    </Card>
  );
}

function WithdrawDialog({
  open,
  dossier,
  onClose,
  onDone,
}: {
  open: boolean;
  dossier: DossierView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await dossiersApi.withdraw(dossier.id, note.trim() || undefined);
      onDone();
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title={t('dossier.withdraw')}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={t('dossier.withdrawConfirm')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <p>{t('dossier.withdrawWarning', { code: dossier.code })}</p>
      <label htmlFor="withdraw-note" className="filter-label">
        {t('dossier.withdrawReason')}
      </label>
      <Input.TextArea
        id="withdraw-note"
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
    </Modal>
  );
}
