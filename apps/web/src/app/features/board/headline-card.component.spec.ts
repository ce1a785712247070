import { TestBed } from '@angular/core/testing';
import { HeadlineFigure } from '@incubator/contracts';
import { byTestId, settle } from '../../../testing/dom';
import { translocoTesting } from '../../../testing/transloco-testing';
import { HeadlineCardComponent } from './headline-card.component';

/** A card of the quarter's headline figures: a value missing now, with figures in earlier quarters. */
async function card(figure: Partial<HeadlineFigure> & Pick<HeadlineFigure, 'key'>, suppressed: boolean): Promise<HTMLElement> {
  TestBed.configureTestingModule({ imports: [HeadlineCardComponent, translocoTesting({ translocoConfig: { defaultLang: 'en' } })] });
  const fixture = TestBed.createComponent(HeadlineCardComponent);
  fixture.componentRef.setInput('figure', { value: null, previousQuarter: 4, previousYear: 2, series: [1, 2, 3, 4, 5, 6, 4, null], ...figure });
  fixture.componentRef.setInput('locale', 'en');
  fixture.componentRef.setInput('threshold', 3);
  fixture.componentRef.setInput('suppressed', suppressed);
  await settle();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('HeadlineCardComponent', () => {
  it('says a missing jobs figure is withheld when the board’s rules withheld figures of the quarter', async () => {
    const view = await card({ key: 'jobs_created' }, true);
    expect(byTestId('headline-withheld', view).textContent).toContain('3');
    expect(view.querySelector('[data-testid="headline-no-figure"]')).toBeNull();
  });

  it('says a rate with nothing due has no figure this quarter, not that it is withheld', async () => {
    const view = await card({ key: 'milestone_completion' }, true);
    expect(byTestId('headline-no-figure', view).textContent).toContain('No figure this quarter');
    expect(view.querySelector('[data-testid="headline-withheld"]')).toBeNull();
  });

  it('never says withheld to the park’s team (nothing is withheld from them)', async () => {
    const view = await card({ key: 'funds_raised_eur' }, false);
    expect(view.querySelector('[data-testid="headline-withheld"]')).toBeNull();
    expect(byTestId('headline-no-figure', view)).toBeTruthy();
  });
});
