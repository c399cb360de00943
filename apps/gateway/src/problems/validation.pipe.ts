import { ValidationPipe } from '@nestjs/common';
import { DomainError, RequestErrors } from '@dvc/contracts';
import { fieldErrorsOf } from '@dvc/messaging';

/**
 * Every body, query and param is validated against its DTO: unknown fields are refused
 * (not silently dropped), and the answer lists each field that is wrong (docs/design.md §9).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError(RequestErrors.validation, { errors: fieldErrorsOf(errors) }),
  });
}
