import { useId, useRef, useState } from 'react';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import i18n, { type TFunction } from 'i18next';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES, checkFile, formatBytes } from './file-check';
import type { UploadProgress } from './transfer';

export interface UploadControlProps {
  /** Button text, e.g. "Tải tệp lên". */
  label: string;
  /** Sends the file (uploadWithProgress), reporting progress; resolves when the API accepted it. */
  upload: (file: File, onProgress: (p: UploadProgress) => void) => Promise<unknown>;
  onUploaded?: () => void;
  disabled?: boolean;
  /** Names the upload for screen readers (e.g. the component it fills). */
  describedBy?: string;
}

/**
 * Pick a file, check it here (size, type by its first bytes), send it with a progress bar,
 * and say in Vietnamese why it was refused, before or after the upload.
 */
export function UploadControl({
  label,
  upload,
  onUploaded,
  disabled,
  describedBy,
}: UploadControlProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    setDone(null);
    const check = await checkFile(file);
    if (!check.ok) {
      setError(
        t(`upload.refused.${check.reason}`, { name: file.name, max: formatBytes(MAX_FILE_BYTES) }),
      );
      return;
    }
    setProgress({ loaded: 0, total: file.size, percent: 0 });
    try {
      await upload(file, setProgress);
      setDone(t('upload.done', { name: file.name }));
      onUploaded?.();
    } catch (err) {
      setError(messageOf(err, t));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="upload-control">
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden-input"
        // Named like the button that opens it (no <label> points at it).
        aria-label={label}
        accept={ACCEPTED_EXTENSIONS.join(',')}
        aria-describedby={describedBy}
        disabled={disabled || progress !== null}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Space wrap>
        <Button
          icon={<UploadOutlined />}
          disabled={disabled || progress !== null}
          onClick={() => input.current?.click()}
          aria-describedby={describedBy}
        >
          {label}
        </Button>
        <Typography.Text type="secondary" className="upload-hint">
          {t('upload.hint', { max: formatBytes(MAX_FILE_BYTES) })}
        </Typography.Text>
      </Space>
      {progress ? (
        <div role="status" aria-live="polite" className="upload-progress">
          <Progress percent={progress.percent} size="small" aria-label={t('upload.progress')} />
          <Typography.Text type="secondary">
            {t('upload.sending', {
              loaded: formatBytes(progress.loaded),
              total: formatBytes(progress.total),
            })}
          </Typography.Text>
        </div>
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} className="upload-message" role="alert" />
      ) : null}
      {done ? (
        <Typography.Text type="success" role="status" className="upload-message">
          {done}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** After the upload: the server's reason (too large, wrong type, infected, quota, status). */
function messageOf(err: unknown, t: TFunction): string {
  if (err instanceof ApiProblem) {
    if (err.status === 413) return err.detailIn(i18n.language) ?? t('upload.tooLarge');
    if (err.status === 0) return t('upload.dropped');
    return problemMessage(err, t);
  }
  return problemMessage(err, t);
}
