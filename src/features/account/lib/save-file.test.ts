import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { saveFile } from './save-file';

beforeEach(() => {
  vi.useFakeTimers();
  URL.createObjectURL = vi.fn(() => 'blob:export-1');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.useRealTimers());

test('clicks a download link for the blob, removes it, and frees the URL afterwards', () => {
  const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
  });
  const blob = new Blob(['a,b\r\n'], { type: 'text/csv' });

  saveFile(blob, 'pullup-sessions-2026-01-02.csv');

  expect(URL.createObjectURL).toHaveBeenCalledWith(blob);
  expect(clicked).toEqual([
    { href: 'blob:export-1', download: 'pullup-sessions-2026-01-02.csv', attached: true },
  ]);
  expect(document.querySelector('a[download]')).toBeNull();
  // Not yet: an immediate revoke can cancel the download on some phones.
  expect(URL.revokeObjectURL).not.toHaveBeenCalled();
  vi.runAllTimers();
  expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:export-1');
  click.mockRestore();
});
