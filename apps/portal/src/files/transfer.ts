import {
  API_BASE,
  apiFetch,
  authHeaders,
  languageHeaders,
  ensureOk,
  refreshSession,
} from '../api/http';
import { ApiProblem, problemFromBody } from '../api/problem';
import { session } from '../auth/session';

export interface UploadProgress {
  loaded: number;
  total: number;
  percent: number;
}

/**
 * POSTs a multipart form with XMLHttpRequest, the only browser API that reports upload
 * progress. Text fields go first so the gateway can check the target before the bytes arrive.
 * A 401 renews the session once and sends the form again.
 */
export async function uploadWithProgress<T>(
  path: string,
  fields: Record<string, string | undefined>,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const send = () => sendForm<T>(path, formOf(fields, file), onProgress, signal);
  try {
    return await send();
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401 && session.renewable) {
      if (await refreshSession()) return send();
    }
    throw err;
  }
}

function formOf(fields: Record<string, string | undefined>, file: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(name, value);
  }
  form.append('file', file, file.name);
  return form;
}

function sendForm<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    for (const [name, value] of Object.entries({ ...languageHeaders(), ...authHeaders() })) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      onProgress({
        loaded: event.loaded,
        total: event.total,
        percent: Math.min(100, Math.round((event.loaded / event.total) * 100)),
      });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else {
        reject(problemFromBody(xhr.status, xhr.responseText));
      }
    };
    // The connection dropped: a 413 cut short mid-stream often looks like this to the browser.
    xhr.onerror = () => reject(new ApiProblem(0, { code: 'network', title: 'network' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The file name of a Content-Disposition header (RFC 6266, `filename*` preferred). */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(contentDisposition);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim());
    } catch {
      // a malformed encoding: try the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1].trim() : fallback;
}

/** Fetches a protected file (the Authorization header cannot ride on a plain link). */
export async function fetchFile(path: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await ensureOk(await apiFetch(path));
  const blob = await response.blob();
  return { blob, fileName: fileNameOf(response.headers.get('content-disposition'), 'tep-tin') };
}

/** Saves a protected file under the name the API gives it. */
export async function downloadFile(path: string): Promise<string> {
  const { blob, fileName } = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
