import type { ThemeConfig } from 'antd';

/**
 * The portal's colours: the red of Vietnamese public-service portals, dark enough that white
 * text on it and it on white both pass WCAG AA (contrast ≥ 4.5:1; #a5151b on white is 7.4:1).
 */
export const BRAND_RED = '#a5151b';
export const BRAND_RED_DARK = '#7f1015';
export const BRAND_GOLD = '#ffd400';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#0b4f9c',
    colorInfo: '#0b4f9c',
    borderRadius: 6,
    fontSize: 15,
    fontFamily:
      "Roboto, 'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
    // Placeholder and secondary text dark enough to read (antd's defaults are lighter).
    colorTextPlaceholder: '#6b6b6b',
    colorTextDescription: '#555555',
    colorTextSecondary: '#4a4a4a',
    // Error text on white at 5.7:1 (antd's #ff4d4f is 3.3:1).
    colorError: '#cf1322',
    // Success text on white at 5.1:1 (antd's #52c41a is 2.3:1).
    colorSuccess: '#2b7a0b',
    // Warning text (Typography, messages) at 6.6:1; icons and borders keep antd's gold.
    colorWarningText: '#874d00',
    // Field labels of descriptions and the like (antd's #8c8c8c is 3.4:1 on white).
    colorTextTertiary: '#595959',
  },
  components: {
    Layout: { headerBg: BRAND_RED, bodyBg: '#f4f5f7', footerBg: '#2b2b2b' },
    // "No rows yet" in a table is written in the disabled grey (#bfbfbf, 1.8:1 on white).
    Table: { colorTextDisabled: '#595959' },
  },
};
