import { useState } from 'react';
import { Alert, Button, Card, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingCriteria } from '@dvc/contracts';
import type { DossierView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { dossiersApi } from './api';

const CRITERIA = ['timeliness', 'courtesy', 'guidance', 'transparency'] as const;
const LEVELS = [
  'veryDissatisfied',
  'dissatisfied',
  'neutral',
  'satisfied',
  'verySatisfied',
] as const;

/** Statuses after which the applicant is asked to rate (the API refuses a rating before). */
export const canRate = (d: DossierView) => d.status === 'RESULT_READY' || d.status === 'RETURNED';

/**
 * Đánh giá mức độ hài lòng: once there is a result, the applicant gives 1–5 stars, optional
 * stars per criterion and a comment, once. The "result ready" email links here (#danh-gia).
 */
export function RatingCard({ dossier: d, onRated }: { dossier: DossierView; onRated: () => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [criteria, setCriteria] = useState<RatingCriteria>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    if (score < 1) {
      setError(t('rating.scoreRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await dossiersApi.rate(d.id, {
        score,
        ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onRated();
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  const title = <h2 className="block-title">{t('rating.title')}</h2>;
  if (d.rating) {
    return (
      <Card id="danh-gia" className="rating-card" title={title}>
        <p role="status">{t('rating.thanks', { date: formatDateTime(d.rating.ratedAt) })}</p>
        <Rate
          disabled
          value={d.rating.score}
          aria-label={t('rating.given', { score: d.rating.score })}
        />
        <p className="muted">{t('rating.given', { score: d.rating.score })}</p>
        {d.rating.comment ? <p>{d.rating.comment}</p> : null}
      </Card>
    );
  }
  return (
    <Card id="danh-gia" className="rating-card" title={title}>
      <p>{t('rating.ask')}</p>
      <div className="rating-row">
        <span id="rating-score" className="filter-label">
          {t('rating.score')}
        </span>
        <div role="radiogroup" aria-labelledby="rating-score">
          <Rate
            value={score}
            onChange={(v) => {
              setScore(v);
              setError(null);
            }}
            aria-labelledby="rating-score"
            tooltips={LEVELS.map((l) => t(`rating.levels.${l}`))}
          />
        </div>
      </div>
      {CRITERIA.map((c) => (
        <div className="rating-row" key={c}>
          <span id={`rating-${c}`} className="filter-label">
            {t(`rating.criteria.${c}`)}
          </span>
          <div role="radiogroup" aria-labelledby={`rating-${c}`}>
            <Rate
              value={criteria[c] ?? 0}
              onChange={(v) =>
                // A star clicked again clears that criterion (0 is not a score).
                setCriteria((prev) =>
                  Object.fromEntries(
                    Object.entries({ ...prev, [c]: v }).filter(([, score]) => score > 0),
                  ),
                )
              }
              aria-labelledby={`rating-${c}`}
            />
          </div>
        </div>
      ))}
      <label htmlFor="rating-comment" className="filter-label">
        {t('rating.comment')}
      </label>
      <Input.TextArea
        id="rating-comment"
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {error ? (
        <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
      ) : null}
      <div className="wizard-actions">
        <Button type="primary" loading={busy} onClick={() => void send()}>
          {t('rating.send')}
        </Button>
      </div>
    </Card>
  );
}
