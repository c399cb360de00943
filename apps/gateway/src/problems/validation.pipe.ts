import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadRequestError, FieldError } from '@dvc/contracts';

/** Flattens class-validator's tree into one entry per broken rule, named by its path (`a.b.0.c`). */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/**
 * Every body, query and param is validated against its DTO: unknown fields are refused
 * (not silently dropped), and the answer lists each field that is wrong (DESIGN.md §9).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestError(
        'request.validation',
        'Dữ liệu gửi lên không hợp lệ.',
        fieldErrorsOf(errors),
      ),
  });
}
