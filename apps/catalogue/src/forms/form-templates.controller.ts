import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { FormTemplatesService } from './form-templates.service';
import { ProblemHttpFilter, attachmentDisposition } from '@dvc/http';

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
