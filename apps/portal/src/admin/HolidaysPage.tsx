import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HolidayView } from '../api/views';
import dayjs from 'dayjs';
import { problemMessage } from '../api/messages';
import { catalogueApi } from '../catalogue/api';

/** Ngày nghỉ lễ và ngày làm bù: the calendar the due dates are counted on. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const holidays = useQuery({
    queryKey: ['holidays', year],
    queryFn: () => catalogueApi.holidays(year),
  });
  const years = [year - 1, year, year + 1].sort();
  return (
    <Card
      title={<h1 className="page-title">{t('admin.holidays')}</h1>}
      extra={<Link to="/quan-tri/thu-tuc">{t('admin.back')}</Link>}
    >
      <Space className="tab-toolbar">
        <label htmlFor="holiday-year">{t('admin.year')}</label>
        <Select
          id="holiday-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: y }))}
        />
      </Space>
      {holidays.isError ? (
        <Alert type="error" showIcon title={problemMessage(holidays.error, t)} />
      ) : null}
      <Table<HolidayView>
        rowKey="date"
        loading={holidays.isLoading}
        dataSource={holidays.data ?? []}
        pagination={false}
        locale={{ emptyText: t('admin.noHolidays') }}
        columns={[
          {
            title: t('admin.date'),
            dataIndex: 'date',
            key: 'date',
            render: (date: string) => dayjs(date).format('dddd, DD/MM/YYYY'),
          },
          { title: t('admin.holidayName'), dataIndex: 'name', key: 'name' },
          {
            title: t('admin.kind'),
            dataIndex: 'kind',
            key: 'kind',
            render: (kind: HolidayView['kind']) =>
              kind === 'holiday' ? (
                <Tag color="red">{t('admin.dayOff')}</Tag>
              ) : (
                <Tag color="blue">{t('admin.workingDay')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
