import { expect } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types each non-empty value into the field with that label (waiting for the first to show),
 * then presses the button.
 */
export async function fillAndSubmit(fields: Record<string, string>, button: string) {
  const user = userEvent.setup();
  let first = true;
  for (const [label, value] of Object.entries(fields)) {
    const field = first ? await screen.findByLabelText(label) : screen.getByLabelText(label);
    first = false;
    if (value) await user.type(field, value);
  }
  await user.click(screen.getByRole('button', { name: button }));
}

/**
 * Submits a form whose request the test holds pending: the button must be disabled and
 * aria-busy meanwhile, then `afterwards` checks where the answer leads.
 */
export async function expectBusyWhilePending<T>({
  request,
  answer,
  submit,
  button,
  afterwards,
}: {
  request: { mockReturnValue(value: Promise<T>): unknown };
  answer: T;
  submit: () => Promise<void>;
  button: string;
  afterwards: () => Promise<void>;
}) {
  let settle: (value: T) => void = () => {};
  request.mockReturnValue(new Promise<T>((resolve) => (settle = resolve)));
  await submit();
  const pressed = screen.getByRole('button', { name: button });
  expect(pressed).toBeDisabled();
  expect(pressed).toHaveAttribute('aria-busy', 'true');
  settle(answer);
  await afterwards();
}
