import { StreamableFile } from '@nestjs/common';

/** A stored application file as a download; the name is ASCII-only in `filename`, exact in `filename*`. */
export function pdfFile(file: { data: Buffer; fileName: string; contentType: string }): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(file.data, {
    type: file.contentType,
    length: file.data.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
