import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
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
    const region = await waitFor(() => screen.getByRole('region', { name: 'Lượt đồng bộ bị lỗi' }));
    expect(region.classList.contains('ant-table-content')).toBe(true);
    expect(region.tabIndex).toBe(0);
  });
});
