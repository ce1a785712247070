import { DOCUMENT } from '@angular/common';
import { HttpResponse } from '@angular/common/http';
import { inject, signal } from '@angular/core';
import { Observable } from 'rxjs';
import { FormError, genericError } from '../forms/api-error';
import { attachmentName, saveFile } from './save-file';

/**
 * Downloads of a page's exports, one at a time: `busy` names the file being fetched, `error` says
 * why the last one failed. Call in an injection context (a field initialiser).
 */
export function fileDownloads() {
  const document = inject(DOCUMENT);
  const busy = signal<string | null>(null);
  const error = signal<FormError | null>(null);
  return {
    busy: busy.asReadonly(),
    error: error.asReadonly(),
    /** `fallback`: the file name when the response does not give one. */
    start(file: Observable<HttpResponse<Blob>>, fallback: string): void {
      if (busy() !== null) {
        return;
      }
      busy.set(fallback);
      error.set(null);
      file.subscribe({
        next: (response) => {
          busy.set(null);
          if (response.body) {
            saveFile(document, response.body, attachmentName(response.headers.get('Content-Disposition'), fallback));
          }
        },
        error: (failure: unknown) => {
          busy.set(null);
          error.set(genericError(failure));
        },
      });
    },
  };
}

export type FileDownloads = ReturnType<typeof fileDownloads>;
