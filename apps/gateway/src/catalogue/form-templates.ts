import { Injectable } from '@nestjs/common';
import { CatalogueErrors, DomainError } from '@dvc/contracts';
import { GatewayConfig } from '../gateway.config';
import { InternalHttpTarget, StreamedFile, openStream } from '../upstream/internal-http';

/**
 * Opens a form template (mẫu đơn, tờ khai) on catalogue's internal HTTP server, to be
 * streamed to the client as it arrives.
 */
@Injectable()
export class FormTemplates {
  private readonly target: InternalHttpTarget;

  constructor(config: GatewayConfig) {
    this.target = {
      label: 'danh mục thủ tục',
      baseUrl: config.CATALOGUE_HTTP_URL,
      timeoutMs: config.RPC_TIMEOUT_MS,
    };
  }

  open(code: string, formId: string, requestId: string): Promise<StreamedFile> {
    const path = `/internal/procedures/${encodeURIComponent(code)}/forms/${encodeURIComponent(formId)}`;
    return openStream(
      this.target,
      path,
      requestId,
      () => new DomainError(CatalogueErrors.formNotFound),
    );
  }
}
