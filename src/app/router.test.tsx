import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { expect, test } from 'vitest';
import { createTestRouter } from '@/app/router';

test('the landing route loads lazily and names the app', async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={createTestRouter('/')} />
    </QueryClientProvider>,
  );
  expect(
    await screen.findByRole('heading', { name: 'Pull-Up Training Tracker' }),
  ).toBeInTheDocument();
});
