import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';

/** Lets change detection and pending tasks settle (zoneless). */
export async function settle(): Promise<void> {
  await TestBed.inject(ApplicationRef).whenStable();
}

/** A closing dialog reports its result from a timer, outside what `whenStable` waits for. */
export async function afterDialogClosed(): Promise<void> {
  await settle();
  await new Promise((resolve) => setTimeout(resolve));
  await settle();
}

export function byTestId<T extends HTMLElement = HTMLElement>(testId: string, root: ParentNode = document): T {
  const element = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) {
    throw new Error(`No element with data-testid="${testId}"`);
  }
  return element;
}

/** Types into an input, a textarea or a select as a user would: the value, then the event forms listen to. */
export async function typeInto(testId: string, value: string, root: ParentNode = document): Promise<void> {
  const field = byTestId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(testId, root);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  field.dispatchEvent(new Event('blur'));
  await settle();
}

export async function clickOn(testId: string, root: ParentNode = document): Promise<void> {
  byTestId(testId, root).click();
  await settle();
}

/** The text of the form field around a control: its label, hint or error. */
export function fieldText(testId: string, root: ParentNode = document): string {
  return byTestId(testId, root).closest('mat-form-field')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
