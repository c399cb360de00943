import type {
  CustomValidator,
  ErrorTransformer,
  RJSFSchema,
  RJSFValidationError,
  UiSchema,
  ValidationData,
  ValidatorType,
} from '@rjsf/utils';
import {
  createErrorHandler,
  getDefaultFormState,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
} from '@rjsf/utils';
import type { ErrorObject } from 'ajv';
// The dossier service's own wording of each error, so the browser says what the server would.
import { fieldErrorOf } from '@dvc/forms';
import { checkForm, type CheckMode, type SchemaNode } from './form-checker';

type FormData = Record<string, unknown>;

/** The errors of the form as rjsf shows them (the message beside the field it names). */
function toRjsfErrors(errors: ErrorObject[]): RJSFValidationError[] {
  return errors.map((error) => {
    const { field, message } = fieldErrorOf(error);
    const property = field
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => `.${s}`)
      .join('');
    return {
      name: error.keyword,
      property,
      message,
      params: error.params,
      stack: message,
      schemaPath: error.schemaPath,
    };
  });
}

/**
 * rjsf's validator interface over form-checker.ts (no eval, allowed by the CSP). `mode`:
 * 'final' before moving on or submitting (required fields too), 'draft' for a draft save,
 * which, like the server's draft check, accepts missing fields but not wrong ones.
 */
export function formValidator(mode: CheckMode = 'final'): ValidatorType<FormData, RJSFSchema> {
  const validator: ValidatorType<FormData, RJSFSchema> = {
    validateFormData(
      formData: FormData | undefined,
      schema: RJSFSchema,
      customValidate?: CustomValidator<FormData, RJSFSchema>,
      transformErrors?: ErrorTransformer<FormData, RJSFSchema>,
      uiSchema?: UiSchema<FormData, RJSFSchema>,
    ): ValidationData<FormData> {
      let errors = toRjsfErrors(checkForm(schema as SchemaNode, formData ?? {}, mode));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const errorSchema = toErrorSchema<FormData>(errors);
      if (!customValidate) return { errors, errorSchema };
      const data = getDefaultFormState(validator, schema, formData, schema, true) as FormData;
      const handler = customValidate(
        data,
        createErrorHandler<FormData>(data),
        uiSchema,
        errorSchema,
      );
      return validationDataMerge<FormData>(
        { errors, errorSchema },
        unwrapErrorHandler<FormData>(handler),
      );
    },
    isValid(schema: RJSFSchema, formData: FormData | undefined): boolean {
      return checkForm(schema as SchemaNode, formData, 'final').length === 0;
    },
    rawValidation<Result = ErrorObject>(schema: RJSFSchema, formData?: FormData) {
      return { errors: checkForm(schema as SchemaNode, formData, mode) as Result[] };
    },
  };
  return validator;
}
