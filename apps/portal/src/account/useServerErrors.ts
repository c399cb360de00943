import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { ApiProblem, antdFieldErrors } from '../api/problem';

/**
 * Puts an API problem on an Ant Design form: each `errors[]` entry beside the field it names,
 * the rest (and the problem's detail when no field matched) in an alert above the form.
 */
export function useServerErrors<T>(form: FormInstance<T>, fields: readonly string[]) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  return {
    alert,
    clear: () => setAlert(null),
    show(err: unknown) {
      if (err instanceof ApiProblem && err.errors.length > 0) {
        const { fields: matched, other } = antdFieldErrors(err.errors, fields);
        form.setFields(matched as Parameters<FormInstance<T>['setFields']>[0]);
        setAlert(
          other.length > 0
            ? other.map((e) => e.message).join(' ')
            : matched.length === 0
              ? problemMessage(err, t)
              : null,
        );
        return;
      }
      setAlert(problemMessage(err, t));
    },
  };
}
