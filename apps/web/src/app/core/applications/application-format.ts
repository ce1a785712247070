import { APPLICATION_FILE_MAX_BYTES, LocalisedText, Locale } from '@incubator/contracts';

/** A calendar day (YYYY-MM-DD) as dd/mm/yyyy in French (mm/dd/yyyy in English), never moved by the time zone. */
export function formatDay(day: string | null | undefined, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) {
    return day ?? '';
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** An instant as dd/mm/yyyy hh:mm in the user's time zone. */
export function formatInstant(iso: string | null | undefined, locale: Locale): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(date);
}

/** A score or a spread with two decimals at most (3,75 in French); a dash when there is none. */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  return value === null || value === undefined
    ? '–'
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A file size in kB or MB, in the user's language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) {
    return `${number(bytes / (1024 * 1024))} ${locale === 'fr' ? 'Mo' : 'MB'}`;
  }
  return `${number(Math.max(1, Math.round(bytes / 1024)))} ${locale === 'fr' ? 'ko' : 'kB'}`;
}

export function localised(text: LocalisedText | null | undefined, locale: Locale): string {
  return text ? text[locale] || text.fr || text.en : '';
}

export type FileProblem = 'tooLarge' | 'notPdf' | 'empty';

/**
 * What is wrong with a file before it is sent (the API checks again): larger than 10 MB, empty, or
 * not starting with the PDF signature `%PDF-` (a renamed file is refused whatever its extension).
 */
export async function checkPdf(file: Blob, maxBytes = APPLICATION_FILE_MAX_BYTES): Promise<FileProblem | null> {
  if (file.size === 0) {
    return 'empty';
  }
  if (file.size > maxBytes) {
    return 'tooLarge';
  }
  const head = new Uint8Array(await readHead(file, 5));
  const signature = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return signature.every((byte, index) => head[index] === byte) ? null : 'notPdf';
}

function readHead(file: Blob, length: number): Promise<ArrayBuffer> {
  const slice = file.slice(0, length);
  if (typeof slice.arrayBuffer === 'function') {
    return slice.arrayBuffer();
  }
  // jsdom's Blob has no arrayBuffer().
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(slice);
  });
}
