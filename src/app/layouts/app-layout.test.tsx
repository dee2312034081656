import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { fakeSession, renderRoutes } from '@/test/render-route';
import { AppLayout } from './app-layout';

const { useSession } = vi.hoisted(() => ({ useSession: vi.fn() }));
vi.mock('@/lib/auth-client', () => ({ auth: {}, useSession }));

function renderLayout() {
  return renderRoutes(
    [
      {
        element: <AppLayout />,
        children: [{ path: paths.dashboard.path, element: <h1>Today</h1> }],
      },
    ],
    paths.dashboard.getHref(),
  );
}

const mainNav = () => within(screen.getByRole('navigation', { name: 'Main' }));

beforeEach(() => useSession.mockReset());

describe('AppLayout navigation', () => {
  test('an admin finds the admin screen in the navigation', () => {
    useSession.mockReturnValue(fakeSession({ role: 'admin' }));
    renderLayout();
    expect(mainNav().getByRole('link', { name: 'Admin' })).toHaveAttribute(
      'href',
      paths.admin.getHref(),
    );
  });

  test('an athlete does not', () => {
    useSession.mockReturnValue(fakeSession());
    renderLayout();
    expect(
      mainNav()
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Today', 'History', 'Progress', 'Settings']);
  });
});
