import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Card, Col, Input, Row, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_STALE_MS, catalogueApi } from '../catalogue/api';
import { LookupBlock } from './LookupBlock';

/** Popular procedures of the demo catalogue, as quick links. */
const POPULAR = [
  { code: '3.000347', key: 'home.popular.gplx' },
  { code: '1.001193', key: 'home.popular.birth' },
  { code: '1.004222', key: 'home.popular.residence' },
  { code: '3.000333', key: 'home.popular.criminalRecord' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const fields = useQuery({
    queryKey: ['fields'],
    queryFn: catalogueApi.fields,
    staleTime: CATALOGUE_STALE_MS,
  });

  useEffect(() => {
    if (location.hash === '#tra-cuu') {
      const block = document.getElementById('tra-cuu');
      block?.scrollIntoView({ behavior: 'smooth' });
      block?.querySelector('input')?.focus({ preventScroll: true });
    }
  }, [location.hash]);

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.heading')}</h1>
        <p className="hero-lead">{t('home.lead')}</p>
        <Input.Search
          className="hero-search"
          size="large"
          enterButton={t('home.search')}
          placeholder={t('home.searchPlaceholder')}
          aria-label={t('home.searchLabel')}
          allowClear
          onSearch={(value) =>
            void navigate(
              value.trim() ? `/thu-tuc?q=${encodeURIComponent(value.trim())}` : '/thu-tuc',
            )
          }
        />
        <p className="hero-popular">
          {t('home.popularTitle')}{' '}
          {POPULAR.map((p, i) => (
            <span key={p.code}>
              {i > 0 ? ' · ' : null}
              <Link to={`/thu-tuc/${p.code}`}>{t(p.key)}</Link>
            </span>
          ))}
        </p>
      </section>

      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <LookupBlock />
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={<h2 className="block-title">{t('home.steps.title')}</h2>}
            className="steps-card"
          >
            <ol className="guide-steps">
              <li>{t('home.steps.find')}</li>
              <li>{t('home.steps.submit')}</li>
              <li>{t('home.steps.follow')}</li>
              <li>{t('home.steps.receive')}</li>
            </ol>
          </Card>
          <Card title={<h2 className="block-title">{t('home.fields')}</h2>} className="fields-card">
            {fields.isLoading ? (
              <Skeleton active />
            ) : (
              <ul className="field-links">
                {(fields.data ?? []).map((field) => (
                  <li key={field.code}>
                    <Link to={`/thu-tuc?field=${encodeURIComponent(field.code)}`}>
                      {field.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
