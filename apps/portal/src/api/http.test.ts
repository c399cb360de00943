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
    // The API client sends a Request (openapi-fetch): its headers carry the language.
    const request = (fetchMock.mock.calls[0] as unknown[])[0] as Request;
    return request.headers.get('accept-language') ?? undefined;
  }

  it('asks the API for answers in the language the person chose', async () => {
    expect(await acceptLanguageFor('en')).toBe('en');
    expect(await acceptLanguageFor('vi')).toBe('vi');
  });
});
