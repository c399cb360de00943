import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { FormTemplatesService } from './form-templates.service';
import { ProblemHttpFilter } from './problem-http.filter';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Internal HTTP route the gateway proxies as `GET /api/v1/procedures/:code/forms/:formId`. */
@Controller('internal/procedures')
@UseFilters(ProblemHttpFilter)
export class FormTemplatesController {
  constructor(private readonly forms: FormTemplatesService) {}

  @Get(':code/forms/:formId')
  async download(
    @Param('code') code: string,
    @Param('formId') formId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.forms.get(code, formId);
    await reply
      .header('Content-Type', CONTENT_TYPES[file.format])
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', attachmentDisposition(file.fileName))
      .header('ETag', `"${file.sha256}"`)
      .send(file.content);
  }
}

/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name
 * (RFC 6266 / RFC 5987), e.g. `Tờ khai.docx` → `filename="To khai.docx"; filename*=UTF-8''T%E1%BB%9D%20khai.docx`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
