import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, Select, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ADDRESS_MAX_LENGTH } from '@dvc/contracts/address-rule';
import { tooLongMessage } from '@dvc/forms';
import type { ProfileView } from '../api/views';
import { formatDate } from '../app/format';
import { accountApi } from './api';
import { useServerErrors } from './useServerErrors';

type ProfileForm = Pick<ProfileView, 'fullName' | 'phone' | 'idNumber' | 'address' | 'locale'>;
const FIELDS = ['fullName', 'phone', 'idNumber', 'address', 'locale'] as const;

export function ProfileTab() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: accountApi.me });
  const [form] = Form.useForm<ProfileForm>();
  const server = useServerErrors(form, FIELDS);
  const [busy, setBusy] = useState(false);
  const [linking, setLinking] = useState(false);
  // Back from VNeID after "Liên kết": /tai-khoan?vneid=linked or ?vneidError=<code>.
  const [params] = useSearchParams();
  const linkOutcome = params.get('vneid') === 'linked' ? 'linked' : linkErrorOf(params);

  useEffect(() => {
    if (me.data) form.setFieldsValue(me.data);
  }, [me.data, form]);

  async function save(values: ProfileForm) {
    server.clear();
    setBusy(true);
    try {
      const updated = await accountApi.updateMe({
        fullName: values.fullName,
        locale: values.locale,
        ...(values.phone ? { phone: values.phone } : {}),
        ...(values.idNumber ? { idNumber: values.idNumber } : {}),
        // Always sent: emptying the field clears the address.
        address: values.address ?? '',
      });
      client.setQueryData(['me'], updated);
      void message.success(t('profile.saved'));
    } catch (err) {
      server.show(err);
    } finally {
      setBusy(false);
    }
  }

  /** Signed in here, VNeID proves the person: the gateway links both on the way back. */
  async function linkVneid() {
    setLinking(true);
    try {
      window.location.assign((await accountApi.startVneidLink()).location);
    } catch (err) {
      setLinking(false);
      server.show(err);
    }
  }

  if (me.isLoading || !me.data) return <Skeleton active />;
  return (
    <div className="tab-body">
      {linkOutcome === 'linked' ? (
        <Alert type="success" showIcon title={t('profile.vneidLinkDone')} role="status" />
      ) : linkOutcome ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t(`profile.vneidLinkFailed.${linkOutcome}`, {
            defaultValue: t('profile.vneidLinkFailed.other'),
          })}
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        className="profile-facts"
        items={[
          {
            key: 'email',
            label: t('account.email'),
            children: me.data.email ?? t('profile.noEmail'),
          },
          {
            key: 'vneid',
            label: t('profile.vneid'),
            children: me.data.vneid ? (
              t('profile.vneidLinked', { date: formatDate(me.data.vneid.linkedAt) })
            ) : (
              <span className="vneid-link">
                {t('profile.vneidNotLinked')}{' '}
                <Button size="small" loading={linking} onClick={() => void linkVneid()}>
                  {t('profile.vneidLink')}
                </Button>
              </span>
            ),
          },
          ...(me.data.birthDate
            ? [
                {
                  key: 'birthDate',
                  label: t('profile.birthDate'),
                  children: formatDate(me.data.birthDate),
                },
              ]
            : []),
          {
            key: 'status',
            label: t('profile.status'),
            children: t(`profile.statuses.${me.data.status}`),
          },
          {
            key: 'roles',
            label: t('profile.roles'),
            children: me.data.roles.map((r) => t(`profile.role.${r}`)).join(', '),
          },
          {
            key: 'created',
            label: t('profile.createdAt'),
            children: formatDate(me.data.createdAt),
          },
        ]}
      />
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" />
      ) : null}
      <Form<ProfileForm>
        name="profile"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        className="form-narrow"
      >
        <Form.Item
          name="fullName"
          label={t('account.fullName')}
          rules={[{ required: true, whitespace: true, message: t('validation.fullNameRequired') }]}
        >
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('account.phone')}
          rules={[{ pattern: /^\+?[0-9]{9,15}$/, message: t('validation.phone') }]}
        >
          <Input type="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('account.idNumber')}
          rules={[{ pattern: /^[0-9]{12}$/, message: t('validation.idNumber') }]}
          {...(me.data.vneid ? { extra: t('profile.idNumberVerified') } : {})}
        >
          <Input inputMode="numeric" maxLength={12} disabled={me.data.vneid !== null} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('account.address')}
          extra={t('profile.addressHelp')}
          rules={[
            {
              max: ADDRESS_MAX_LENGTH,
              message: tooLongMessage(
                t('account.address'),
                ADDRESS_MAX_LENGTH,
                i18n.language === 'en' ? 'en' : 'vi',
              ),
            },
          ]}
        >
          <Input autoComplete="street-address" maxLength={ADDRESS_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="locale" label={t('profile.locale')} extra={t('profile.localeHelp')}>
          <Select
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}

/** The refusal of a link, as a key of profile.vneidLinkFailed. */
function linkErrorOf(params: URLSearchParams): string | null {
  const code = params.get('vneidError');
  if (code === null) return null;
  return code === 'vneid.already_linked' || code === 'vneid.link_not_allowed'
    ? code.replace('vneid.', '')
    : 'other';
}
