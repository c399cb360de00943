import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, Select } from 'antd';
import { nameSelectLists } from './nameSelectLists';

const OPTIONS = [
  { value: 'giay-kham', label: 'Giấy khám sức khỏe' },
  { value: 'anh', label: 'Ảnh 3x4' },
];

async function openList(combobox: HTMLElement): Promise<HTMLElement> {
  fireEvent.mouseDown(combobox);
  return waitFor(() => screen.getByRole('listbox'));
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
    const list = await openList(screen.getByRole('combobox', { name: 'Giấy tờ cần bổ sung' }));
    await waitFor(() => expect(list.getAttribute('aria-label')).toBe('Giấy tờ cần bổ sung'));
  });

  it('names the list of a field named by aria-label, even with nothing to choose', async () => {
    render(<Select aria-label="Kỳ đánh giá" options={[]} />);
    const list = await openList(screen.getByRole('combobox', { name: 'Kỳ đánh giá' }));
    await waitFor(() => expect(list.getAttribute('aria-label')).toBe('Kỳ đánh giá'));
  });
});
