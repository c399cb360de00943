import { useEffect } from 'react';
import { Alert, Col, Form, Input, Radio, Row } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryAddressView, DeliveryMethod, DossierView } from '../api/views';
import { deliveryMethodsAt, levelOffer } from '@dvc/contracts/service-level';

export interface DeliveryForm {
  deliveryMethod: DeliveryMethod;
  deliveryAddress?: DeliveryAddressView;
}

/** Nhận kết quả: online or by post with an address (level 4); at the desk (level 3). */
export function DeliveryStep({
  dossier,
  form,
  alert,
}: {
  dossier: DossierView;
  form: FormInstance<DeliveryForm>;
  alert: string | null;
}) {
  const { t } = useTranslation();
  const method = Form.useWatch('deliveryMethod', form);
  const methods = deliveryMethodsAt(dossier.procedure.level);

  useEffect(() => {
    form.setFieldsValue({
      deliveryMethod: dossier.deliveryMethod,
      deliveryAddress: dossier.deliveryAddress ?? undefined,
    });
  }, [dossier.id, dossier.deliveryMethod, dossier.deliveryAddress, form]);

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Form<DeliveryForm> name="delivery" form={form} layout="vertical" className="delivery-form">
      {alert ? <Alert type="error" showIcon title={alert} className="form-alert" /> : null}
      <Form.Item
        name="deliveryMethod"
        label={t('wizard.deliveryQuestion')}
        rules={[{ required: true }]}
      >
        <Radio.Group className="delivery-options">
          <Radio value="online" disabled={!methods.includes('online')}>
            {t('delivery.online')}
          </Radio>
          <Radio value="post" disabled={!methods.includes('post')}>
            {t('delivery.post')}
          </Radio>
          <Radio value="desk">{t('delivery.desk', { agency: dossier.agency.name })}</Radio>
        </Radio.Group>
      </Form.Item>
      {!levelOffer(dossier.procedure.level).eResult ? (
        <Alert type="info" showIcon title={t('wizard.level3Delivery')} className="form-alert" />
      ) : null}
      {method === 'post' ? (
        <fieldset className="plain-fieldset">
          <legend className="fieldset-legend">{t('delivery.address')}</legend>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['deliveryAddress', 'recipient']}
                label={t('delivery.recipient')}
                rules={required(t('delivery.recipientRequired'))}
              >
                <Input autoComplete="name" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['deliveryAddress', 'phone']}
                label={t('account.phone')}
                rules={[
                  { required: true, message: t('delivery.phoneRequired') },
                  { pattern: /^\+?[0-9]{9,15}$/, message: t('validation.phone') },
                ]}
              >
                <Input type="tel" autoComplete="tel" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name={['deliveryAddress', 'street']}
                label={t('delivery.street')}
                rules={required(t('delivery.streetRequired'))}
              >
                <Input autoComplete="street-address" maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['deliveryAddress', 'ward']}
                label={t('delivery.ward')}
                rules={required(t('delivery.wardRequired'))}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['deliveryAddress', 'province']}
                label={t('delivery.province')}
                rules={required(t('delivery.provinceRequired'))}
              >
                <Input autoComplete="address-level1" maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
      ) : null}
    </Form>
  );
}
