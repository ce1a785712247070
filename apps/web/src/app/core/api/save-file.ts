/** The file name of a `Content-Disposition: attachment; filename="…"` header, or the fallback. */
export function attachmentName(contentDisposition: string | null | undefined, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition ?? '');
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Badly encoded: try the plain parameter.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return plain?.[1].trim() || fallback;
}

/** Hands a downloaded file to the browser as if the user had followed a download link. */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // After the click has started the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
