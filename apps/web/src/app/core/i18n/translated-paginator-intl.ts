import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

interface PaginatorLabels {
  itemsPerPage: string;
  next: string;
  previous: string;
  first: string;
  last: string;
  range: string;
}

/** Material's paginator labels in the active language: `{ provide: MatPaginatorIntl, useClass: … }`. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);
  private rangeLabel = '{{ start }}–{{ end }} / {{ total }}';

  constructor() {
    super();
    this.transloco
      .selectTranslateObject<PaginatorLabels>('paginator')
      .pipe(takeUntilDestroyed())
      .subscribe((labels) => {
        this.itemsPerPageLabel = labels.itemsPerPage;
        this.nextPageLabel = labels.next;
        this.previousPageLabel = labels.previous;
        this.firstPageLabel = labels.first;
        this.lastPageLabel = labels.last;
        this.rangeLabel = labels.range;
        this.changes.next();
      });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    return this.rangeLabel
      .replace('{{ start }}', String(start))
      .replace('{{ end }}', String(end))
      .replace('{{ total }}', String(length));
  };
}
