import { Controller, HttpCode, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { VerificationView } from '@dvc/contracts';
import { InternalTokenGuard, ProblemHttpFilter } from '@dvc/http';
import { IssuedDocumentsService } from './issued-documents.service';

/** `POST /internal/verifications`: the body is a copy of a document someone wants checked. */
@Controller('internal/verifications')
@UseGuards(InternalTokenGuard)
@UseFilters(ProblemHttpFilter)
export class VerificationsHttpController {
  constructor(private readonly issued: IssuedDocumentsService) {}

  @Post()
  @HttpCode(200)
  verify(@Req() req: FastifyRequest): Promise<VerificationView> {
    return this.issued.verifyCopy(req.body instanceof Readable ? req.body : Readable.from([]));
  }
}
