import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { dateTimeFormat } from '../i18n/intl-format';
import { LocaleService } from '../i18n/locale.service';
import { nextTask } from './next-task';
import { provideStartupWarmUp } from './warm-up';

/** Lets the warm-up's tasks run (each piece waits for a task of its own). */
async function tasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
}

describe('provideStartupWarmUp', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideStartupWarmUp()],
    });
    TestBed.inject(LocaleService).use('fr');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  it("builds the language's date and number formats once someone is signed in, not before", async () => {
    const dateFormats = jest.spyOn(Intl, 'DateTimeFormat');
    await TestBed.inject(ApplicationInitStatus).donePromise;
    await tasks(10);
    expect(dateFormats).not.toHaveBeenCalled();

    await signIn('board');
    await tasks(10);
    expect(dateFormats).toHaveBeenCalledWith('fr', { dateStyle: 'medium', timeStyle: 'short' });
    // The pages then find it built: the same one, no second construction.
    const calls = dateFormats.mock.calls.length;
    dateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' });
    expect(dateFormats).toHaveBeenCalledTimes(calls);
  });
});

describe('nextTask', () => {
  it('resolves after the tasks already queued', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued'));
    await nextTask();
    order.push('after');
    expect(order).toEqual(['queued', 'after']);
  });
});
