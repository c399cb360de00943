import { CommandAnswer, DossierEvent, MinistryClient } from './ministry-client';

export interface AutoProcessOptions {
  /** The result document to return for every dossier (a PDF). */
  resultPdf: (dossierCode: string) => Buffer;
  log?: (line: string) => void;
}

/**
 * The sample agency's whole job: every dossier submitted to it is received (tiếp nhận),
 * processed (xử lý) and completed with a result PDF uploaded through a presigned URL:
 * `command.receive` → `command.start` → `command.request_upload` → PUT the PDF →
 * `command.complete {resultFileIds}`. A refusal stops that dossier (it is logged).
 */
export function autoProcess(client: MinistryClient, options: AutoProcessOptions): void {
  client.onEvent(async (event) => {
    if (event.type === 'dossier.submitted') await processSubmitted(client, event, options);
  });
}

export async function processSubmitted(
  client: MinistryClient,
  event: DossierEvent,
  options: AutoProcessOptions,
): Promise<boolean> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dossierCode = event.data.dossierCode;
  log(
    `dossier ${dossierCode}: ${event.data.procedure.name}, ${event.data.files.length} file(s), ` +
      `form fields ${Object.keys(event.data.formData).join(', ') || '(none)'}`,
  );
  if (!accepted(await client.send('command.receive', { dossierCode }))) return false;
  if (!accepted(await client.send('command.start', { dossierCode }))) return false;

  const upload = await client.send('command.request_upload', {
    dossierCode,
    fileName: `ket-qua-${dossierCode}.pdf`,
  });
  if (upload.type !== 'command.accepted' || !upload.data.uploadUrl || !upload.data.fileId) {
    return false;
  }
  // The URL is the credential: no header but the body is needed, before expiresAt.
  const put = await fetch(upload.data.uploadUrl, {
    method: 'PUT',
    body: options.resultPdf(dossierCode),
  });
  if (!put.ok) {
    log(`dossier ${dossierCode}: upload refused by the object store (${put.status})`);
    return false;
  }
  return accepted(
    await client.send('command.complete', {
      dossierCode,
      resultFileIds: [upload.data.fileId],
      note: 'Đã giải quyết, trả kết quả trực tuyến',
    }),
  );
}

function accepted(answer: CommandAnswer): boolean {
  return answer.type === 'command.accepted';
}
