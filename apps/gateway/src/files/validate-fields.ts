import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../problems/validation.pipe';

const pipe = createValidationPipe();

/** Validates multipart text fields against their DTO, with the same rules and errors as a JSON body. */
export function validateFields<T extends object>(
  dto: Type<T>,
  fields: Record<string, string>,
): Promise<T> {
  return pipe.transform(fields, { type: 'body', metatype: dto }) as Promise<T>;
}
