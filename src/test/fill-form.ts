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
