import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestErrors, DomainError } from '@dvc/contracts';

/** A body whose shape another service validates: the gateway only insists on a JSON object. */
@Injectable()
export class JsonObjectPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DomainError(RequestErrors.validation, {
        errors: [{ field: 'body', message: 'Nội dung phải là một đối tượng JSON' }],
      });
    }
    return value as Record<string, unknown>;
  }
}
