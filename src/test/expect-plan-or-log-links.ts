import { screen } from '@testing-library/react';
import { expect } from 'vitest';

/** The two ways to add a session are on screen and lead to the form in the right mode. */
export function expectPlanOrLogLinks() {
  expect(screen.getByRole('link', { name: 'Plan a session' })).toHaveAttribute(
    'href',
    '/sessions/new?mode=plan',
  );
  expect(screen.getByRole('link', { name: 'Log a past session' })).toHaveAttribute(
    'href',
    '/sessions/new?mode=log',
  );
}
