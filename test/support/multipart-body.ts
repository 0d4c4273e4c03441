/**
 * Builds multipart/form-data bodies the way browsers send them, for upload tests that use
 * `app.inject` or a raw socket.
 */
export type FormPart = { name: string; value: string } | { name: string; filename: string; content: Buffer; contentType?: string };

export const BOUNDARY = '----RathausTestBoundary7MA4YWxkTrZu0gW';
export const MULTIPART_CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The header block that opens a part (filenames are sent as raw UTF-8, as browsers do). */
export function partHead(part: FormPart): Buffer {
  const lines =
    'filename' in part
      ? [`Content-Disposition: form-data; name="${part.name}"; filename="${part.filename.replace(/"/g, '%22')}"`, `Content-Type: ${part.contentType ?? 'application/octet-stream'}`]
      : [`Content-Disposition: form-data; name="${part.name}"`];
  return Buffer.from(`--${BOUNDARY}\r\n${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}

/** The closing delimiter of the body. */
export const bodyEnd = (): Buffer => Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** A whole multipart body. */
export function multipartBody(parts: FormPart[]): Buffer {
  const chunks: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) chunks.push(Buffer.from('\r\n'));
    chunks.push(partHead(part), 'filename' in part ? part.content : Buffer.from(part.value, 'utf8'));
  });
  chunks.push(bodyEnd());
  return Buffer.concat(chunks);
}
