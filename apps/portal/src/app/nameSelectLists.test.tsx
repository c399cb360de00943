import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { Form, Select } from 'antd';
import { nameSelectLists } from './nameSelectLists';

const OPTIONS = [
  { value: 'giay-kham', label: 'Giấy khám sức khỏe' },
  { value: 'anh', label: 'Ảnh 3x4' },
];

/** Opens the field's list and returns it (by id: role queries are slow in jsdom). */
async function openList(fieldId: string): Promise<HTMLElement> {
  fireEvent.mouseDown(document.getElementById(fieldId)!);
  return waitFor(() => {
    const list = document.getElementById(`${fieldId}_list`);
    if (!list) throw new Error('the list is not open');
    return list;
  });
}

describe('nameSelectLists', () => {
  let stop: () => void;
  beforeEach(() => {
    stop = nameSelectLists();
  });
  afterEach(() => {
    cleanup();
    stop();
  });

  it('names the list of a Form.Item field after its label', async () => {
    render(
      <Form name="action">
        <Form.Item name="missing" label="Giấy tờ cần bổ sung">
          <Select mode="tags" options={OPTIONS} />
        </Form.Item>
      </Form>,
    );
    const list = await openList('action_missing');
    expect(list.getAttribute('role')).toBe('listbox');
    await waitFor(() => expect(list.getAttribute('aria-label')).toBe('Giấy tờ cần bổ sung'));
  });

  it('names the list of a field named by aria-label, even with nothing to choose', async () => {
    render(<Select id="period" aria-label="Kỳ đánh giá" options={[]} />);
    const list = await openList('period');
    await waitFor(() => expect(list.getAttribute('aria-label')).toBe('Kỳ đánh giá'));
  });
});
