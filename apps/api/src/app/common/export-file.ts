import { StreamableFile } from '@nestjs/common';

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download named `<name>.<format>`. */
export function downloadFile(file: Buffer, name: string, format: 'csv' | 'xlsx'): StreamableFile {
  return new StreamableFile(file, { type: EXPORT_CONTENT_TYPES[format], disposition: `attachment; filename="${name}.${format}"` });
}

/** A download named `<name>-<today>.<format>`. */
export function exportFile(file: Buffer, name: string, format: 'csv' | 'xlsx'): StreamableFile {
  return downloadFile(file, `${name}-${new Date().toISOString().slice(0, 10)}`, format);
}
