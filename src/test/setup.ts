import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Component tests never reach a backend: the clients are built against a placeholder.
vi.mock('@/lib/env', () => ({
  env: {
    VITE_SUPABASE_URL: 'http://127.0.0.1:54321',
    VITE_SUPABASE_ANON_KEY: 'anon-key-for-component-tests',
  },
}));

afterEach(() => {
  cleanup();
  // Node-environment tests (no DOM) have no localStorage.
  globalThis.localStorage?.clear();
});
