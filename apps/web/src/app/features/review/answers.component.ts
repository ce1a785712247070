import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { AnsweredQuestion, Locale } from '@incubator/contracts';
import { formatBytes, localised } from '../../core/applications/application-format';

/** The answers of an application, each under its question; a file answer offers its download. */
@Component({
  selector: 'app-application-answers',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="answers" *transloco="let t">
      @for (item of answers(); track item.question.id) {
        <dt>
          {{ text(item.question.label, locale()) }}
          @if (item.question.eligibility) {
            <span class="muted">· {{ t('applications.answers.eligibility') }}</span>
          }
        </dt>
        <dd [attr.data-testid]="'answer-' + item.question.id">
          @if (item.question.kind === 'file') {
            @if (item.file; as file) {
              <button mat-stroked-button type="button" (click)="download.emit(item.question.id)" [attr.data-testid]="'answer-file-' + item.question.id">
                {{ t('applications.answers.download', { name: file.fileName, size: bytes(file.sizeBytes, locale()) }) }}
              </button>
            } @else {
              <span class="muted">{{ t('applications.answers.none') }}</span>
            }
          } @else {
            {{ show(item) || t('applications.answers.none') }}
          }
        </dd>
      }
    </dl>
  `,
  styles: `
    .answers {
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      margin-top: 0.75rem;
    }
    dd {
      margin: 0.25rem 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ApplicationAnswersComponent {
  readonly answers = input.required<readonly AnsweredQuestion[]>();
  readonly locale = input.required<Locale>();
  /** The question id whose file to download. */
  readonly download = output<string>();

  protected readonly text = localised;
  protected readonly bytes = formatBytes;

  /** Choice values shown with their labels, numbers in the user's format. */
  protected show(item: AnsweredQuestion): string {
    const { answer, question } = item;
    const label = (value: string) => {
      const option = question.options?.find((o) => o.value === value);
      return option ? localised(option.label, this.locale()) : value;
    };
    if (answer === null || answer === undefined || answer === '') {
      return '';
    }
    if (Array.isArray(answer)) {
      return answer.map(label).join(', ');
    }
    if (typeof answer === 'number') {
      return new Intl.NumberFormat(this.locale()).format(answer);
    }
    return question.kind === 'single_choice' ? label(answer) : answer;
  }
}
