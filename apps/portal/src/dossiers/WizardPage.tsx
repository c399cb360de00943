import { useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Result,
  Skeleton,
  Space,
  Steps,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@dvc/contracts';
import type { DossierView } from '../api/views';
import { fieldErrorsIn, type FormLanguage } from '@dvc/forms';
import { caseFee, feeDueAtSubmission } from '@dvc/contracts/fee-rule';
import { problemMessage } from '../api/messages';
import { ApiProblem, componentErrors } from '../api/problem';
import { formatMoney } from '../app/format';
import { accountApi } from '../account/api';
import { useServerErrors } from '../account/useServerErrors';
import { useProcedure } from '../catalogue/api';
import { dossierKey, dossiersApi } from './api';
import { ComponentSlots } from './ComponentSlots';
import { DeliveryStep, type DeliveryForm } from './DeliveryStep';
import { draftStorage } from './draft-storage';
import { checkForm, type SchemaNode } from './form-checker';
import { FormDataView } from './FormDataView';
import { OnlineForm } from './OnlineForm';
import { prefilledForm } from './prefill';

const STEPS = ['form', 'components', 'delivery', 'review'] as const;
type Step = (typeof STEPS)[number];

/**
 * Nộp hồ sơ trực tuyến: tờ khai → thành phần hồ sơ → nhận kết quả → xem lại và nộp. Each step
 * is saved on the server as a draft before the next; the receipt follows the submission.
 */
export function WizardPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { id = '' } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const step: Step = STEPS.includes(params.get('buoc') as Step)
    ? (params.get('buoc') as Step)
    : 'form';

  const dossier = useQuery({ queryKey: dossierKey(id), queryFn: () => dossiersApi.get(id) });
  const code = dossier.data?.procedure.code;
  const procedure = useProcedure(code);
  const schema =
    procedure.data?.cases.find((c) => c.id === dossier.data?.caseId)?.formSchema ?? null;

  const [formData, setFormData] = useState<Record<string, unknown> | null>(null);
  const [restored, setRestored] = useState(false);
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  const [slotErrors, setSlotErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [committed, setCommitted] = useState(false);
  const [deliveryForm] = Form.useForm<DeliveryForm>();
  // Set once "Nộp hồ sơ" succeeded: the receipt is next, not the dossier page.
  const submitted = useRef(false);
  const deliveryErrors = useServerErrors(deliveryForm, ['deliveryMethod', 'deliveryAddress']);

  const me = useQuery({ queryKey: ['me'], queryFn: accountApi.me });
  const language: FormLanguage = i18n.language === 'en' ? 'en' : 'vi';
  const errorsOf = (data: Record<string, unknown>, mode: 'draft' | 'final') =>
    schema ? checkForm(schema as SchemaNode, data, mode).map(fieldErrorsIn(language)) : [];

  // The server's draft, or what this tab typed and could not save yet; a new draft starts
  // with what the account knows (name, ID number, phone, email), which the citizen may change.
  useEffect(() => {
    if (!dossier.data || formData !== null) return;
    const unsaved = draftStorage.unsavedForm(id);
    const saved = dossier.data.formData ?? {};
    if (unsaved && JSON.stringify(unsaved) !== JSON.stringify(saved)) {
      setFormData(unsaved);
      setRestored(true);
    } else if (Object.keys(saved).length === 0 && schema && (me.data || me.isError)) {
      setFormData(me.data ? prefilledForm(schema, saved, me.data) : saved);
    } else if (Object.keys(saved).length > 0 || (!schema && !procedure.isLoading)) {
      setFormData(saved);
    }
  }, [dossier.data, formData, id, schema, me.data, me.isError, procedure.isLoading]);

  const goTo = (next: Step) => {
    setAlert(null);
    setParams({ buoc: next }, { replace: false });
  };

  function changeForm(data: Record<string, unknown>) {
    setFormData(data);
    draftStorage.keepForm(id, data);
    // Fixing a field clears its message; other messages stay until the next check. Once the
    // last one is fixed, the banner above the form goes too.
    if (formErrors.length > 0 && schema) {
      const still = new Set(errorsOf(data, 'final').map((e) => e.field));
      const remaining = formErrors.filter((e) => still.has(e.field));
      setFormErrors(remaining);
      if (remaining.length === 0) setAlert(null);
    }
  }

  async function saveForm(mode: 'draft' | 'final'): Promise<boolean> {
    if (!schema || formData === null) return true;
    const local = errorsOf(formData, mode);
    if (local.length > 0) {
      setFormErrors(local);
      setAlert(t('wizard.formInvalid'));
      focusFirstError();
      return false;
    }
    setBusy(true);
    try {
      const updated = await dossiersApi.update(id, { formData });
      client.setQueryData(dossierKey(id), updated);
      draftStorage.forgetForm(id);
      setRestored(false);
      setFormErrors([]);
      setAlert(null);
      void message.success(t('wizard.saved'));
      return true;
    } catch (err) {
      if (err instanceof ApiProblem && err.errors.length > 0) {
        // The server words its field errors in Vietnamese; the browser's own check says the
        // same in the chosen language wherever it reached the same verdict.
        const mine = new Map(errorsOf(formData, mode).map((e) => [e.field, e.message]));
        setFormErrors(
          err.errors.map((e) => ({ field: e.field, message: mine.get(e.field) ?? e.message })),
        );
        setAlert(err.detailIn(i18n.language) ?? t('wizard.formInvalid'));
        focusFirstError();
      } else setAlert(problemMessage(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function saveDelivery(): Promise<boolean> {
    deliveryErrors.clear();
    let values: DeliveryForm;
    try {
      values = await deliveryForm.validateFields();
    } catch {
      return false;
    }
    setBusy(true);
    try {
      const updated = await dossiersApi.update(id, {
        deliveryMethod: values.deliveryMethod,
        ...(values.deliveryMethod === 'post' && values.deliveryAddress
          ? { deliveryAddress: values.deliveryAddress }
          : {}),
      });
      client.setQueryData(dossierKey(id), updated);
      return true;
    } catch (err) {
      deliveryErrors.show(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function missingComponents(d: DossierView): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const slot of d.components) {
      if (slot.required && slot.attachments.length === 0) {
        out[slot.componentId] = [t('wizard.componentMissing', { name: slot.name })];
      }
    }
    return out;
  }

  async function next() {
    const d = dossier.data!;
    if (step === 'form' && (await saveForm('final'))) goTo('components');
    if (step === 'components') {
      const missing = missingComponents(d);
      setSlotErrors(missing);
      if (Object.keys(missing).length > 0) {
        setAlert(t('wizard.componentsMissing'));
        return;
      }
      goTo('delivery');
    }
    if (step === 'delivery' && (await saveDelivery())) goTo('review');
  }

  async function submit() {
    setBusy(true);
    setAlert(null);
    try {
      const result = await dossiersApi.submit(id, draftStorage.submitKey(id));
      draftStorage.keepReceipt(id, result);
      draftStorage.forgetForm(id);
      submitted.current = true;
      void navigate(`/ho-so/${id}/bien-nhan`, { replace: true });
      void client.invalidateQueries({ queryKey: ['dossier'] });
    } catch (err) {
      if (err instanceof ApiProblem && err.errors.length > 0) {
        // 422 dossier.incomplete: each error back where it can be fixed.
        const onForm = err.errors.filter((e) => e.field === '' || e.field.startsWith('/'));
        const onSlots = componentErrors(err.errors);
        setFormErrors(onForm);
        setSlotErrors(onSlots);
        const first: Step =
          onForm.length > 0 ? 'form' : Object.keys(onSlots).length > 0 ? 'components' : 'delivery';
        goTo(first);
        setAlert(
          `${err.detailIn(i18n.language) ?? t('wizard.incomplete')} ${err.errors.map((e) => e.message).join('; ')}`,
        );
      } else setAlert(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  const stepItems = useMemo(
    () => STEPS.map((s) => ({ key: s, title: t(`wizard.steps.${s}`) })),
    [t],
  );

  if (dossier.isLoading || procedure.isLoading || (dossier.data && formData === null))
    return <Skeleton active />;
  if (dossier.isError || !dossier.data) {
    return <Result status="error" title={problemMessage(dossier.error, t)} />;
  }
  const d = dossier.data;
  if (d.status !== 'DRAFT') {
    return (
      <Navigate to={submitted.current ? `/ho-so/${d.id}/bien-nhan` : `/ho-so/${d.id}`} replace />
    );
  }
  const kase = procedure.data?.cases.find((c) => c.id === d.caseId);
  const fee = kase?.fees.find((f) => (f.amountVnd ?? 0) > 0);
  const payNow =
    procedure.data !== undefined &&
    kase !== undefined &&
    feeDueAtSubmission({
      level: d.procedure.level,
      feeAtSubmission: procedure.data.feeAtSubmission,
      fee: caseFee(kase.fees),
    });

  return (
    <Card
      className="wizard"
      title={
        <div>
          <div className="wizard-kicker">{t('wizard.kicker')}</div>
          <h1 className="page-title wizard-title">{d.procedure.name}</h1>
        </div>
      }
    >
      <Steps
        className="wizard-steps"
        current={STEPS.indexOf(step)}
        items={stepItems}
        onChange={(index) => goTo(STEPS[index])}
        size="small"
        responsive
      />
      {alert ? (
        <Alert type="error" showIcon title={alert} className="form-alert" role="alert" />
      ) : null}

      {step === 'form' ? (
        <section aria-labelledby="step-title">
          <h2 id="step-title" className="section-subtitle">
            {t('wizard.steps.form')}
          </h2>
          {restored ? (
            <Alert type="info" showIcon title={t('wizard.restored')} className="form-alert" />
          ) : null}
          {schema ? (
            <OnlineForm
              schema={schema}
              formData={formData ?? {}}
              onChange={changeForm}
              errors={formErrors}
            />
          ) : (
            <p>{t('wizard.noForm')}</p>
          )}
        </section>
      ) : null}

      {step === 'components' ? (
        <section aria-labelledby="step-title">
          <h2 id="step-title" className="section-subtitle">
            {t('wizard.steps.components')}
          </h2>
          <p className="muted">{t('wizard.componentsIntro')}</p>
          <ComponentSlots
            dossier={d}
            procedure={procedure.data}
            editable
            errors={slotErrors}
            filePath={(fileId) => `/dossiers/${d.id}/files/${fileId}`}
            onChanged={() => {
              setSlotErrors({});
              setAlert(null);
              void client.invalidateQueries({ queryKey: dossierKey(id) });
            }}
          />
        </section>
      ) : null}

      {step === 'delivery' ? (
        <section aria-labelledby="step-title">
          <h2 id="step-title" className="section-subtitle">
            {t('wizard.steps.delivery')}
          </h2>
          <DeliveryStep dossier={d} form={deliveryForm} alert={deliveryErrors.alert} />
        </section>
      ) : null}

      {step === 'review' ? (
        <section aria-labelledby="step-title" className="review">
          <h2 id="step-title" className="section-subtitle">
            {t('wizard.steps.review')}
          </h2>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'procedure', label: t('dossier.procedure'), children: d.procedure.name },
              { key: 'agency', label: t('dossier.agency'), children: d.agency.name },
              {
                key: 'delivery',
                label: t('dossier.delivery'),
                children:
                  t(`delivery.short.${d.deliveryMethod}`) +
                  (d.deliveryMethod === 'post' && d.deliveryAddress
                    ? ` — ${d.deliveryAddress.recipient}, ${d.deliveryAddress.street}, ${d.deliveryAddress.ward}, ${d.deliveryAddress.province}`
                    : ''),
              },
              ...(fee
                ? [
                    {
                      key: 'fee',
                      label: t('wizard.fee'),
                      children: `${fee.name}: ${formatMoney(fee.amountVnd, i18n.language)}`,
                    },
                  ]
                : []),
            ]}
          />
          <h3 className="section-subtitle">{t('wizard.steps.form')}</h3>
          <FormDataView schema={schema} data={d.formData} />
          <h3 className="section-subtitle">{t('wizard.steps.components')}</h3>
          <ul className="plain-list">
            {d.components
              .filter((slot) => slot.attachments.length > 0)
              .map((slot) => (
                <li key={slot.componentId}>
                  <strong>{slot.name}:</strong> {slot.attachments.map((a) => a.fileName).join(', ')}
                </li>
              ))}
          </ul>
          {payNow ? <Alert type="warning" showIcon title={t('procedure.feeAtSubmission')} /> : null}
          <Checkbox
            checked={committed}
            onChange={(e) => setCommitted(e.target.checked)}
            className="commitment"
          >
            {t('wizard.commitment')}
          </Checkbox>
        </section>
      ) : null}

      <div className="wizard-actions">
        <Space wrap>
          {step !== 'form' ? (
            <Button onClick={() => goTo(STEPS[STEPS.indexOf(step) - 1])} disabled={busy}>
              {t('wizard.back')}
            </Button>
          ) : null}
          {step === 'form' && schema ? (
            <Button onClick={() => void saveForm('draft')} loading={busy}>
              {t('wizard.saveDraft')}
            </Button>
          ) : null}
          {step !== 'review' ? (
            <Button type="primary" onClick={() => void next()} loading={busy}>
              {t('wizard.next')}
            </Button>
          ) : (
            <Button
              type="primary"
              size="large"
              disabled={!committed}
              loading={busy}
              onClick={() => void submit()}
            >
              {t('wizard.submit')}
            </Button>
          )}
        </Space>
      </div>
    </Card>
  );
}

function focusFirstError() {
  // After React has rendered the messages: move to the first field in error.
  setTimeout(() => {
    const field = document.querySelector<HTMLElement>(
      '.online-form .ant-form-item-has-error input, .online-form .ant-form-item-has-error .ant-select-selector',
    );
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 50);
}
