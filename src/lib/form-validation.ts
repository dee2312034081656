// Form validation for the account forms: zod/mini issues become one message per field.
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { z } from 'zod/mini';

export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** Parses a form's values; on failure, keeps the first message for each field. */
export function validateForm<T>(schema: z.ZodMiniType<T>, values: unknown): FormResult<T> {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { success: false, errors };
}

/** The text values of a submitted form, by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** After a failed submit, moves focus to the first invalid field so keyboards and readers land on it. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FieldErrors) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}

/**
 * A form checked by `schema` on submit: its ref (for focus), the errors per field, and the
 * submit handler that calls `onValid` with the parsed values only when they pass.
 */
export function useValidatedForm<T>(
  schema: z.ZodMiniType<T>,
  onValid: (data: T, form: HTMLFormElement) => void,
) {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const result = validateForm(schema, formValues(element));
    if (!result.success) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onValid(result.data, element);
  };
  return { form, errors, onSubmit };
}
