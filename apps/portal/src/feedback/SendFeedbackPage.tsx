import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, List, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmitFeedbackDto } from '@dvc/contracts';
import type { FeedbackAttachmentView, FeedbackReceipt } from '../api/views';
import { CaptchaField, useCaptcha } from '../account/CaptchaField';
import { problemMessage } from '../api/messages';
import type { PostAnswer } from '../api/client';
import { ApiProblem } from '../api/problem';
import { formatDateTime } from '../app/format';
import { useSession } from '../auth/useSession';
import { UploadControl } from '../files/UploadControl';
import { formatBytes } from '../files/file-check';
import { uploadWithProgress } from '../files/transfer';
import { AgencySelect } from './FeedbackAgencySelect';
import { feedbackApi } from './api';

interface Fields {
  title: string;
  content: string;
  agencyCode?: string;
  dossierCode?: string;
  name?: string;
  email?: string;
  phone?: string;
  captchaAnswer?: string;
}

/** Gửi phản ánh, kiến nghị: signed in, or anonymously with the captcha. */
export function SendFeedbackPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const session = useSession();
  const anonymous = session.status !== 'authenticated';
  const captcha = useCaptcha('feedback', anonymous, form);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attached, setAttached] = useState<FeedbackAttachmentView[]>([]);

  async function send(v: Fields) {
    setBusy(true);
    setError(null);
    const contact = Object.fromEntries(
      Object.entries({ name: v.name, email: v.email, phone: v.phone }).filter(([, x]) => x?.trim()),
    );
    const body: SubmitFeedbackDto = {
      title: v.title,
      content: v.content,
      ...(v.agencyCode ? { agencyCode: v.agencyCode } : {}),
      ...(v.dossierCode?.trim() ? { dossierCode: v.dossierCode.trim() } : {}),
      ...(Object.keys(contact).length > 0 ? { contact } : {}),
      ...(anonymous && captcha.captchaId
        ? { captchaId: captcha.captchaId, captchaAnswer: v.captchaAnswer ?? '' }
        : {}),
    };
    try {
      setReceipt(await feedbackApi.submit(body));
    } catch (err) {
      if (anonymous) captcha.renew();
      if (!captcha.showError(err)) {
        if (err instanceof ApiProblem && err.errors.length > 0) {
          form.setFields(
            err.errors.map((e) => ({
              name: e.field.replace(/^contact\./, '') as keyof Fields,
              errors: [e.message],
            })),
          );
        }
        setError(problemMessage(err, t));
      }
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('feedback.sent')}
        subTitle={t('feedback.keepKey')}
        extra={
          <>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: 'code',
                  label: t('feedback.code'),
                  children: <strong>{receipt.code}</strong>,
                },
                {
                  key: 'key',
                  label: t('feedback.lookupKey'),
                  children: <strong>{receipt.lookupKey}</strong>,
                },
                { key: 'due', label: t('feedback.dueAt'), children: formatDateTime(receipt.dueAt) },
              ]}
            />
            <section className="feedback-files" aria-labelledby="feedback-files-title">
              <h2 id="feedback-files-title" className="block-title">
                {t('feedback.files')}
              </h2>
              <p className="muted">{t('feedback.filesHint')}</p>
              {attached.length > 0 ? (
                <List
                  size="small"
                  dataSource={attached}
                  renderItem={(a) => (
                    <List.Item key={a.id}>
                      {a.fileName} ({formatBytes(a.size)})
                    </List.Item>
                  )}
                />
              ) : null}
              {attached.length < 5 ? (
                <UploadControl
                  label={t('feedback.attach')}
                  upload={async (file, onProgress) => {
                    const added = await uploadWithProgress<
                      PostAnswer<'/api/v1/feedback/{code}/attachments'>
                    >(
                      `/feedback/${encodeURIComponent(receipt.code)}/attachments`,
                      { key: receipt.lookupKey },
                      file,
                      onProgress,
                    );
                    setAttached((list) => [...list, added]);
                  }}
                />
              ) : null}
            </section>
            <Link to={`/phan-anh/tra-cuu?code=${encodeURIComponent(receipt.code)}`}>
              <Button type="primary">{t('feedback.lookup')}</Button>
            </Link>
          </>
        }
      />
    );
  }

  return (
    <Card title={<h1 className="page-title">{t('feedback.send')}</h1>}>
      <Form<Fields> form={form} layout="vertical" onFinish={(v) => void send(v)} requiredMark>
        <Form.Item
          name="title"
          label={t('feedback.titleLabel')}
          rules={[{ required: true, min: 5, max: 200, message: t('feedback.titleRule') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('feedback.content')}
          rules={[{ required: true, min: 10, max: 5000, message: t('feedback.contentRule') }]}
        >
          <Input.TextArea rows={6} maxLength={5000} />
        </Form.Item>
        <Form.Item name="agencyCode" label={t('feedback.agency')}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="dossierCode" label={t('feedback.dossierCode')}>
          <Input maxLength={64} />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend>{t('feedback.contact')}</legend>
          <Form.Item name="name" label={t('feedback.name')}>
            <Input maxLength={200} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('feedback.email')}
            rules={[{ type: 'email', message: t('feedback.emailRule') }]}
          >
            <Input maxLength={254} autoComplete="email" />
          </Form.Item>
          <Form.Item name="phone" label={t('feedback.phone')}>
            <Input maxLength={20} autoComplete="tel" />
          </Form.Item>
        </fieldset>
        <p className="muted">{t('feedback.privacy')}</p>
        {anonymous ? <CaptchaField captcha={captcha} /> : null}
        {error ? (
          <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('feedback.submit')}
        </Button>
      </Form>
    </Card>
  );
}
