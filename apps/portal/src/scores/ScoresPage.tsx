import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Grid, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AgencyScoreView } from '../api/views';
import { problemMessage } from '../api/messages';
import { ResponsiveTable } from '../app/ResponsiveTable';
import { scoresApi } from './api';

type Measure =
  'onTimeRate' | 'onlineShare' | 'onlinePaymentShare' | 'eResultShare' | 'satisfaction';

/** Okabe–Ito colours: told apart with any colour vision, each ≥ 3:1 against white. */
const MEASURES: { key: Measure; colour: string }[] = [
  { key: 'onTimeRate', colour: '#0072B2' },
  { key: 'onlineShare', colour: '#D55E00' },
  { key: 'onlinePaymentShare', colour: '#009E73' },
  { key: 'eResultShare', colour: '#CC79A7' },
  { key: 'satisfaction', colour: '#8A6D00' },
];

/** The last twelve months (Vietnam time), newest first. */
function recentMonths(now = new Date()): string[] {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Đánh giá chất lượng phục vụ: each agency's scores of a month, as a table and as charts. */
export function ScoresPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const months = useMemo(() => recentMonths(), []);
  const period = params.get('period') ?? months[0];
  const scores = useQuery({
    queryKey: ['scores', period],
    queryFn: () => scoresApi.published({ period }),
    placeholderData: (previous) => previous,
  });
  const percent = (value: number | null) =>
    value === null
      ? t('scores.none')
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
          value,
        );
  const monthLabel = (p: string) =>
    t('scores.month', { month: Number(p.slice(5)), year: p.slice(0, 4) });
  const wide = Grid.useBreakpoint().md !== false;
  // The agencies that settled dossiers first, most first; then the others by name.
  const items = [...(scores.data?.items ?? [])].sort(
    (a, b) => b.dossiers - a.dossiers || a.agency.name.localeCompare(b.agency.name, 'vi'),
  );
  const measured = items.filter((i) => i.dossiers > 0);
  const idle = items.filter((i) => i.dossiers === 0);
  const chartData = measured.map((i) => ({
    name: i.agency.name,
    ...Object.fromEntries(
      MEASURES.map(({ key }) => [key, i[key] === null ? null : Math.round(i[key] * 1000) / 10]),
    ),
  }));
  /** The chart said in words, for those who do not see it. */
  const describe = (keys: Measure[]) =>
    measured
      .map(
        (i) =>
          `${i.agency.name}: ${keys.map((k) => `${t(`scores.measures.${k}`)} ${percent(i[k])}`).join(', ')}`,
      )
      .join('; ');

  return (
    <Card title={<h1 className="page-title">{t('scores.title')}</h1>}>
      <p>{t('scores.intro')}</p>
      <Space wrap className="tab-toolbar">
        <label htmlFor="scores-period">{t('scores.period')}</label>
        <Select
          id="scores-period"
          value={period}
          onChange={(value) => setParams({ period: value })}
          options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
          aria-label={t('scores.period')}
          style={{ minWidth: 180 }}
        />
      </Space>
      {scores.isError ? (
        <Alert type="error" showIcon title={problemMessage(scores.error, t)} />
      ) : null}
      <p className="scores-caption">{t('scores.tableCaption', { month: monthLabel(period) })}</p>
      <ResponsiveTable<AgencyScoreView>
        label={t('scores.tableCaption', { month: monthLabel(period) })}
        rowKey={(r) => r.agency.code}
        loading={scores.isLoading}
        dataSource={measured}
        emptyText={t('scores.empty')}
        columns={[
          { key: 'agency', title: t('scores.agency'), render: (r) => r.agency.name },
          {
            key: 'dossiers',
            title: t('scores.dossiers'),
            align: 'right',
            render: (r) => r.dossiers,
          },
          ...MEASURES.map(({ key }) => ({
            key,
            title: t(`scores.measures.${key}`),
            align: 'right' as const,
            render: (r: AgencyScoreView) => percent(r[key]),
          })),
        ]}
      />
      {measured.length > 0 && idle.length > 0 ? (
        <p className="muted">
          {t('scores.idle', { agencies: idle.map((i) => i.agency.name).join(', ') })}
        </p>
      ) : null}
      {measured.length === 0 ? (
        <p className="muted">{t('scores.noCharts')}</p>
      ) : (
        <>
          <figure className="scores-chart">
            <figcaption>
              <h2 className="block-title">{t('scores.onTimeChart')}</h2>
            </figcaption>
            <div role="img" aria-label={`${t('scores.onTimeChart')}. ${describe(['onTimeRate'])}`}>
              <ResponsiveContainer width="100%" height={Math.max(120, 44 * measured.length + 60)}>
                <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 48 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 100]} unit="%" />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={wide ? 160 : 100}
                    tick={{ fontSize: 12 }}
                  />
                  <Tooltip formatter={(v) => `${String(v)}%`} />
                  <Bar
                    dataKey="onTimeRate"
                    name={t('scores.measures.onTimeRate')}
                    fill={MEASURES[0].colour}
                    maxBarSize={32}
                    isAnimationActive={false}
                    label={{
                      position: 'right',
                      formatter: (v: unknown) => (v === null ? '' : `${String(v)}%`),
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <p className="sr-only">{describe(['onTimeRate'])}</p>
          </figure>
          <figure className="scores-chart">
            <figcaption>
              <h2 className="block-title">{t('scores.sharesChart')}</h2>
            </figcaption>
            <div
              role="img"
              aria-label={`${t('scores.sharesChart')}. ${describe(MEASURES.slice(1).map((m) => m.key))}`}
            >
              <ResponsiveContainer width="100%" height={Math.max(160, 96 * measured.length + 80)}>
                <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 48 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 100]} unit="%" />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={wide ? 160 : 100}
                    tick={{ fontSize: 12 }}
                  />
                  <Tooltip formatter={(v) => `${String(v)}%`} />
                  {/* legend words in the text colour: the swatches carry the colour */}
                  <Legend formatter={(value) => <span className="scores-legend">{value}</span>} />
                  {MEASURES.slice(1).map(({ key, colour }) => (
                    <Bar
                      key={key}
                      dataKey={key}
                      name={t(`scores.measures.${key}`)}
                      fill={colour}
                      maxBarSize={20}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <p className="sr-only">{describe(MEASURES.slice(1).map((m) => m.key))}</p>
          </figure>
        </>
      )}
      <p className="muted">{t('scores.method')}</p>
    </Card>
  );
}
