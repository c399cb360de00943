import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { ScrollingTable } from './ScrollingTable';

describe('ScrollingTable', () => {
  it('scrolls sideways in a named region the keyboard can reach, even when empty', async () => {
    render(
      <ScrollingTable<{ id: string }>
        label="Lượt đồng bộ bị lỗi"
        rowKey="id"
        dataSource={[]}
        scroll={{ x: 720 }}
        columns={[{ title: 'Mã hồ sơ', dataIndex: 'id', key: 'id' }]}
      />,
    );
    // By class, not by role: role queries are slow in jsdom.
    const region = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-table-content[role="region"]');
      if (!found) throw new Error('no scrolling region yet');
      return found;
    });
    expect(region.getAttribute('aria-label')).toBe('Lượt đồng bộ bị lỗi');
    expect(region.tabIndex).toBe(0);
  });
});
