import { useEffect, useRef } from 'react';
import { Table } from 'antd';
import type { TableProps } from 'antd';

/**
 * A table wider than a phone (`scroll.x`), scrolling sideways in place. antd draws the part
 * that scrolls (.ant-table-content) with no way in for the keyboard, so someone without a
 * mouse could not scroll a table without links (WCAG 2.1.1; axe's scrollable-region-focusable).
 * That part becomes a named region that takes focus; the arrow keys then scroll it.
 */
export function ScrollingTable<T extends object>({
  label,
  ...table
}: TableProps<T> & {
  /** What the table lists ("Hồ sơ cần xử lý"), the name of its scrolling region. */
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const region = ref.current?.querySelector('.ant-table-content');
    if (!region) return;
    region.setAttribute('tabindex', '0');
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', label);
  });
  return (
    <div ref={ref}>
      <Table<T> {...table} />
    </div>
  );
}
