/**
 * `Content-Disposition: attachment` with a Vietnamese file name (RFC 6266 / RFC 5987): an ASCII fallback in
 * `filename` (diacritics dropped, đ → d, anything else unsafe → "-") and the exact name in `filename*=UTF-8''…`.
 */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-(?=\.[^.]+$)|-$/g, '') || 'tai-lieu'
  );
}

const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
