import { useState } from 'react';
import { Alert, App as AntApp, Button, Popconfirm, Space, Tag } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FolderOpenOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ComponentSlotView, DossierView, ProcedureView } from '../api/views';
import { problemMessage } from '../api/messages';
import { UploadControl } from '../files/UploadControl';
import { formatBytes } from '../files/file-check';
import { downloadFile } from '../files/transfer';
import { dossiersApi } from './api';
import { WalletPicker } from './WalletPicker';

/**
 * Thành phần hồ sơ: one slot per component of the case, each with its files, an upload with
 * a progress bar and "Chọn từ Giấy tờ cá nhân". Read-only when `editable` is false.
 */
export function ComponentSlots({
  dossier,
  procedure,
  editable,
  errors = {},
  onChanged,
  filePath,
  requested = [],
}: {
  dossier: Omit<DossierView, 'allowedActions'>;
  procedure?: ProcedureView;
  editable: boolean;
  errors?: Record<string, string[]>;
  onChanged?: () => void;
  /** API path that downloads one of the dossier's files (citizen's or officer's route). */
  filePath: (fileId: string) => string;
  /** Components the officer asked to supplement (by name): marked "Cần bổ sung". */
  requested?: string[];
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [picking, setPicking] = useState<ComponentSlotView | null>(null);
  const procedureCase = procedure?.cases.find((c) => c.id === dossier.caseId);
  // While answering a supplement request, what was submitted stays as the agency received it:
  // only the files added for the supplement can be removed, until it is sent.
  const removable = (a: { supplement: boolean }) =>
    editable && (dossier.status !== 'SUPPLEMENT_REQUESTED' || a.supplement);

  async function detach(attachmentId: string) {
    try {
      await dossiersApi.detach(dossier.id, attachmentId);
      onChanged?.();
    } catch (err) {
      void message.error(problemMessage(err, t));
    }
  }

  return (
    <div className="slots">
      {dossier.components.map((slot) => {
        const info = procedureCase?.components.find((c) => c.id === slot.componentId);
        const form = info?.formId ? procedure?.forms.find((f) => f.id === info.formId) : undefined;
        const headingId = `slot-${slot.componentId}`;
        const slotErrors = errors[slot.componentId] ?? [];
        return (
          <section
            key={slot.componentId}
            className={slotErrors.length > 0 ? 'slot slot-error' : 'slot'}
            aria-labelledby={headingId}
            data-component={slot.componentId}
          >
            <h3 id={headingId} className="slot-title">
              {slot.name}{' '}
              {slot.required ? (
                <Tag color="red">{t('procedure.requiredYes')}</Tag>
              ) : (
                <Tag>{t('slots.optional')}</Tag>
              )}
              {requested.includes(slot.name) ? (
                <Tag color="orange">{t('slots.requested')}</Tag>
              ) : null}
            </h3>
            <p className="muted slot-meta">
              {t('slots.counts', { originals: slot.originals, copies: slot.copies })}
              {info?.note ? ` · ${info.note}` : ''}
            </p>
            {form ? (
              <p className="slot-form">
                <a href={form.downloadUrl} download>
                  <DownloadOutlined aria-hidden="true" />{' '}
                  {t('slots.downloadForm', { name: form.name })}
                </a>
              </p>
            ) : null}
            {slotErrors.map((text) => (
              <Alert
                key={text}
                type="error"
                showIcon
                title={text}
                className="slot-alert"
                role="alert"
              />
            ))}
            {slot.attachments.length > 0 ? (
              <ul className="attachment-list" aria-label={t('slots.files', { name: slot.name })}>
                {slot.attachments.map((a) => (
                  <li key={a.id} className="attachment">
                    <PaperClipOutlined aria-hidden="true" />
                    <span className="attachment-name">{a.fileName}</span>
                    <span className="muted">({formatBytes(a.size)})</span>
                    {a.source === 'wallet' ? <Tag color="blue">{t('slots.fromWallet')}</Tag> : null}
                    {a.supplement ? <Tag color="orange">{t('slots.supplement')}</Tag> : null}
                    <Space size={4} className="attachment-actions">
                      <Button
                        size="small"
                        type="link"
                        icon={<DownloadOutlined />}
                        aria-label={t('slots.downloadFile', { name: a.fileName })}
                        onClick={() =>
                          void downloadFile(filePath(a.fileId)).catch((err: unknown) =>
                            message.error(problemMessage(err, t)),
                          )
                        }
                      />
                      {removable(a) ? (
                        <Popconfirm
                          title={t('slots.removeConfirm', { name: a.fileName })}
                          okText={t('slots.remove')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => void detach(a.id)}
                        >
                          <Button
                            size="small"
                            type="link"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('slots.removeFile', { name: a.fileName })}
                          />
                        </Popconfirm>
                      ) : null}
                    </Space>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('slots.noFile')}</p>
            )}
            {editable ? (
              <Space wrap align="start" className="slot-actions">
                <UploadControl
                  label={t('slots.upload')}
                  describedBy={headingId}
                  upload={(file, onProgress) =>
                    dossiersApi.attach(dossier.id, slot.componentId, file, onProgress)
                  }
                  onUploaded={onChanged}
                />
                <Button
                  icon={<FolderOpenOutlined />}
                  onClick={() => setPicking(slot)}
                  aria-describedby={headingId}
                >
                  {t('slots.pick')}
                </Button>
              </Space>
            ) : null}
          </section>
        );
      })}
      <WalletPicker
        open={picking !== null}
        componentName={picking?.name ?? ''}
        onClose={() => setPicking(null)}
        onPick={async (documentId) => {
          await dossiersApi.attachFromDocument(dossier.id, picking!.componentId, documentId);
          setPicking(null);
          onChanged?.();
        }}
      />
    </div>
  );
}
