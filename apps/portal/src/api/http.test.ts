import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from './http';

describe('apiFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  async function acceptLanguageFor(language: string): Promise<string | undefined> {
    await i18n.init({ lng: language, resources: {} });
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await apiFetch('/procedures');
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    return (init.headers as Record<string, string>)['accept-language'];
  }

  it('asks the API for answers in the language the person chose', async () => {
    expect(await acceptLanguageFor('en')).toBe('en');
    expect(await acceptLanguageFor('vi')).toBe('vi');
  });
});
