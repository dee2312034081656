import { useEffect, type RefObject } from 'react';
import type { FieldErrors } from './field-errors';

/** After a failed submit, moves focus to the first invalid field so keyboards and readers land on it. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FieldErrors) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}
