import type { Key, ReactNode } from 'react';
import { Empty, Grid, Pagination, Skeleton, Table } from 'antd';
import type { TablePaginationConfig } from 'antd';

/** One column: shown as a table column on a wide screen, as a "label: value" line of a card on a phone. */
export interface ResponsiveColumn<T> {
  key: string;
  title: string;
  render: (record: T) => ReactNode;
  align?: 'left' | 'right';
}

/**
 * A list of records as a table on a wide screen and as cards on a phone (below 768 px), so
 * that every value and every action is reachable without scrolling sideways. The first
 * column heads each card; the others follow as labelled lines.
 */
export function ResponsiveTable<T>({
  rowKey,
  columns,
  dataSource,
  loading,
  emptyText,
  pagination,
  label,
}: {
  rowKey: (record: T) => Key;
  columns: ResponsiveColumn<T>[];
  dataSource: T[];
  loading?: boolean;
  emptyText: ReactNode;
  pagination?: Pick<TablePaginationConfig, 'current' | 'pageSize' | 'total' | 'onChange'>;
  /** What the list is ("Hồ sơ của tôi"), for screen readers. */
  label: string;
}) {
  const screens = Grid.useBreakpoint();
  if (screens.md !== false) {
    return (
      <Table<T>
        rowKey={rowKey}
        loading={loading}
        dataSource={dataSource}
        locale={{ emptyText }}
        pagination={pagination ? { ...pagination, hideOnSinglePage: true } : false}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: c.align,
          render: (_: unknown, record: T) => c.render(record),
        }))}
      />
    );
  }
  if (loading) return <Skeleton active />;
  if (dataSource.length === 0) return <Empty description={emptyText} />;
  const [head, ...rest] = columns;
  return (
    <>
      <ul className="row-cards" aria-label={label}>
        {dataSource.map((record) => (
          <li key={rowKey(record)} className="row-card">
            <div className="row-card-head">{head.render(record)}</div>
            <dl className="row-card-facts">
              {rest.map((c) => (
                <div key={c.key} className="row-card-fact">
                  <dt>{c.title}</dt>
                  <dd>{c.render(record)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) ? (
        <Pagination simple align="center" {...pagination} />
      ) : null}
    </>
  );
}
