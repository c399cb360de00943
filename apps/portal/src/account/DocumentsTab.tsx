import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
} from 'antd';
import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { PersonalDocumentType } from '@dvc/contracts';
import type { PersonalDocumentView } from '../api/views';
import { problemMessage } from '../api/messages';
import { ResponsiveTable } from '../app/ResponsiveTable';
import { formatDate } from '../app/format';
import { FilePreview } from '../files/FilePreview';
import { UploadControl } from '../files/UploadControl';
import { formatBytes } from '../files/file-check';
import { uploadWithProgress } from '../files/transfer';
import { accountApi } from './api';

export const DOCUMENT_TYPES: PersonalDocumentType[] = [
  'id-card',
  'birth-certificate',
  'household-registration',
  'degree',
  'other',
];

export const DOCUMENTS_KEY = ['documents'] as const;

interface NewDocument {
  type: PersonalDocumentType;
  title: string;
  number?: string;
  issuedAt?: Dayjs;
}

/** Giấy tờ cá nhân: the document wallet (add with upload progress, list, view, delete). */
export function DocumentsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const documents = useQuery({ queryKey: DOCUMENTS_KEY, queryFn: accountApi.documents });
  const [adding, setAdding] = useState(false);
  const [preview, setPreview] = useState<PersonalDocumentView | null>(null);

  async function remove(doc: PersonalDocumentView) {
    try {
      await accountApi.deleteDocument(doc.id);
      void message.success(t('documents.deleted', { title: doc.title }));
      void client.invalidateQueries({ queryKey: DOCUMENTS_KEY });
    } catch (err) {
      void message.error(problemMessage(err, t));
    }
  }

  return (
    <div className="tab-body">
      <div className="tab-toolbar">
        <p className="tab-intro">{t('documents.intro')}</p>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('documents.add')}
        </Button>
      </div>
      {documents.isError ? (
        <Alert type="error" showIcon title={problemMessage(documents.error, t)} />
      ) : null}
      <ResponsiveTable<PersonalDocumentView>
        label={t('account.tabs.documents')}
        rowKey={(doc) => doc.id}
        loading={documents.isLoading}
        dataSource={documents.data ?? []}
        emptyText={t('documents.empty')}
        columns={[
          { title: t('documents.titleColumn'), key: 'title', render: (doc) => doc.title },
          {
            title: t('documents.type'),
            key: 'type',
            render: (doc) => t(`documents.types.${doc.type}`),
          },
          {
            title: t('documents.number'),
            key: 'number',
            render: (doc) => <span className="nowrap">{doc.number ?? '—'}</span>,
          },
          {
            title: t('documents.issuedAt'),
            key: 'issuedAt',
            render: (doc) => formatDate(doc.issuedAt),
          },
          {
            title: t('documents.file'),
            key: 'file',
            render: (doc) => `${doc.file.fileName} (${formatBytes(doc.file.size)})`,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (doc) => (
              <Space wrap>
                <Button icon={<EyeOutlined />} onClick={() => setPreview(doc)}>
                  {t('common.view')}
                </Button>
                <Popconfirm
                  title={t('documents.deleteConfirm', { title: doc.title })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(doc)}
                >
                  <Button danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <AddDocumentDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void client.invalidateQueries({ queryKey: DOCUMENTS_KEY });
        }}
      />
      <FilePreview
        path={preview ? `/me/documents/${preview.id}/content` : null}
        title={preview?.title ?? ''}
        onClose={() => setPreview(null)}
      />
    </div>
  );
}

/** The fields first (checked), then the file: choosing it uploads with a progress bar. */
function AddDocumentDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewDocument>();
  const values = Form.useWatch([], form);
  const ready = Boolean(values?.type && values?.title?.trim());
  return (
    <Modal open={open} onCancel={onClose} title={t('documents.add')} footer={null} destroyOnHidden>
      <Form<NewDocument>
        name="document"
        form={form}
        layout="vertical"
        initialValues={{ type: 'id-card' }}
      >
        <Form.Item name="type" label={t('documents.type')} rules={[{ required: true }]}>
          <Select
            options={DOCUMENT_TYPES.map((type) => ({
              value: type,
              label: t(`documents.types.${type}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('documents.titleColumn')}
          rules={[{ required: true, whitespace: true, message: t('documents.titleRequired') }]}
        >
          <Input maxLength={200} placeholder={t('documents.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="number" label={t('documents.number')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="issuedAt" label={t('documents.issuedAt')}>
          <DatePicker format="DD/MM/YYYY" className="full-width" />
        </Form.Item>
        <Form.Item label={t('documents.file')} required>
          <UploadControl
            label={t('documents.chooseFile')}
            disabled={!ready}
            upload={(file, onProgress) =>
              uploadWithProgress(
                '/me/documents',
                {
                  type: values.type,
                  title: values.title.trim(),
                  number: values.number?.trim(),
                  issuedAt: values.issuedAt?.format('YYYY-MM-DD'),
                },
                file,
                onProgress,
              )
            }
            onUploaded={onAdded}
          />
          {!ready ? <p className="hint">{t('documents.fillFirst')}</p> : null}
        </Form.Item>
      </Form>
    </Modal>
  );
}
