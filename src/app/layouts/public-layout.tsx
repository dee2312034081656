import { Outlet } from 'react-router';

export function PublicLayout() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 p-6">
      <p className="text-center text-2xl font-bold">Pull-Up Tracker</p>
      <Outlet />
    </main>
  );
}
