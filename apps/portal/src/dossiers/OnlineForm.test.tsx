import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import '../i18n';
import onlineForms from './fixtures/online-forms.json';
import { OnlineForm, shownDate, storedDate } from './OnlineForm';

// Đổi giấy phép lái xe: the form of the demo catalogue.
const schema = onlineForms.find((f) => f.name.startsWith('3.000347/'))!.schema as Record<
  string,
  unknown
>;

describe('the online form (rjsf, Ant Design theme)', () => {
  it('shows an API 422 error beside the field its JSON pointer names', () => {
    const { container } = render(
      <OnlineForm
        schema={schema}
        formData={{ hoTen: 'Nguyễn Văn Bình', soDinhDanh: '12ab' }}
        onChange={() => undefined}
        errors={[
          { field: '/soDinhDanh', message: 'Số định danh cá nhân: không đúng định dạng yêu cầu' },
        ]}
      />,
    );
    const input = screen.getByLabelText(/Số định danh cá nhân/);
    const item = input.closest('.ant-form-item') as HTMLElement;
    expect(
      within(item).getByText('Số định danh cá nhân: không đúng định dạng yêu cầu'),
    ).toBeTruthy();
    expect(container.querySelectorAll('.ant-form-item-has-error')).toHaveLength(1);
  });

  it('lists the required fields first, in the order the schema requires them', () => {
    render(<OnlineForm schema={schema} formData={{}} onChange={() => undefined} errors={[]} />);
    const labels = [...document.querySelectorAll('.online-form .ant-form-item-label label')]
      .map((l) => l.textContent?.replace('*', '').trim())
      .filter((text) => text && text !== schema.title);
    expect(labels.slice(0, 3)).toEqual([
      'Họ, chữ đệm và tên',
      'Ngày, tháng, năm sinh',
      'Số định danh cá nhân',
    ]);
    expect(labels.at(-1)).not.toBe('Họ, chữ đệm và tên');
  });
});

describe('dates typed as Vietnamese write them', () => {
  it('stores d/m/yyyy as yyyy-mm-dd, an impossible day included, so its error can name it', () => {
    expect(storedDate('20/05/1990')).toBe('1990-05-20');
    expect(storedDate('1/2/1990')).toBe('1990-02-01');
    expect(storedDate('31/02/2030')).toBe('2030-02-31');
    expect(storedDate('')).toBeUndefined();
    expect(storedDate('hôm qua')).toBe('hôm qua');
  });

  it('shows a stored date as dd/mm/yyyy and anything else as it is', () => {
    expect(shownDate('1990-05-20')).toBe('20/05/1990');
    expect(shownDate('hôm qua')).toBe('hôm qua');
    expect(shownDate(undefined)).toBe('');
  });
});
