// Saves a Blob as a download on phones and desktops alike: an object URL clicked through a
// temporary <a download>, revoked once the browser has taken it.
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers (Safari on iOS): wait a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
