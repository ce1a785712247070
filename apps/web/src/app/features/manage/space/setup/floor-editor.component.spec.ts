import { ComponentFixture, TestBed } from '@angular/core/testing';
import { byTestId, clickOn, settle, typeInto } from '../../../../../testing/dom';
import { translocoTesting } from '../../../../../testing/transloco-testing';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { FloorEditorComponent, gridFromLayout, layoutOf } from './floor-editor.component';

describe('FloorEditorComponent', () => {
  let fixture: ComponentFixture<FloorEditorComponent>;
  let editor: FloorEditorComponent;
  const view = () => fixture.nativeElement as HTMLElement;
  const cell = (row: number, col: number) => byTestId(`cell-${row}-${col}`, view());
  const pointer = (type: string, target: HTMLElement) => target.dispatchEvent(new MouseEvent(type, { bubbles: true }));
  const tool = async (name: string) => {
    (byTestId(`tool-${name}`, view()).querySelector('button') as HTMLButtonElement).click();
    await settle();
  };
  const key = async (k: string) => {
    byTestId('editor-grid', view()).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [FloorEditorComponent, translocoTesting({ translocoConfig: { defaultLang: 'en' } })] });
    TestBed.inject(LocaleService).use('en');
    fixture = TestBed.createComponent(FloorEditorComponent);
    fixture.componentRef.setInput('layout', 'MM.\n...');
    editor = fixture.componentInstance;
    await settle();
    fixture.detectChanges();
    await settle();
  });

  it('reads a layout and counts 24 m² per module, live', () => {
    expect(editor.layoutText()).toBe('MM.\n...');
    expect(byTestId('editor-count', view()).textContent).toContain('2 modules, 48 m²');
  });

  it('paints with a click and with a drag', async () => {
    pointer('pointerdown', cell(1, 0));
    pointer('pointerenter', cell(1, 1));
    pointer('pointerenter', cell(1, 2));
    pointer('pointerup', byTestId('editor-grid', view()));
    pointer('pointerenter', cell(0, 2)); // no longer painting
    await settle();
    expect(editor.layoutText()).toBe('MM.\nMMM');
    expect(byTestId('editor-count', view()).textContent).toContain('5 modules, 120 m²');

    await tool('blocked');
    pointer('pointerdown', cell(0, 0));
    await settle();
    expect(editor.layoutText()).toBe('#M.\nMMM');
    expect(cell(0, 0).dataset['kind']).toBe('blocked');
  });

  it('paints from the keyboard: arrows move, space and enter paint', async () => {
    await key('ArrowRight');
    await key('ArrowRight');
    await key(' ');
    await key('ArrowDown');
    await key('ArrowDown'); // stays on the last row
    await key('Enter');
    expect(editor.layoutText()).toBe('MMM\n..M');
    expect(editor.moduleCount()).toBe(4);
  });

  it('grows and shrinks the grid, and names zones per cell', async () => {
    await clickOn('add-row', view());
    await clickOn('add-column', view());
    expect(editor.layoutText()).toBe('MM..\n....\n....');
    await clickOn('remove-column', view());
    await clickOn('remove-column', view());
    await clickOn('remove-row', view());
    expect(editor.layoutText()).toBe('MM\n..');
    expect(editor.areaM2()).toBe(48);

    await tool('zone');
    await typeInto('zone-name', 'Nord', view());
    pointer('pointerdown', cell(0, 1));
    await settle();
    expect(editor.zoneList()).toEqual([{ col: 1, row: 0, zone: 'Nord' }]);
    expect(editor.layoutText()).toBe('MM\n..');
  });

  it('keeps leased modules: they cannot be painted over nor cut away', async () => {
    fixture.componentRef.setInput('leasedCells', new Set(['1,0']));
    await tool('corridor');
    pointer('pointerdown', cell(0, 1));
    await settle();
    expect(editor.layoutText()).toBe('MM.\n...');
    expect(byTestId('editor-blocked', view())).toBeTruthy();
    await clickOn('remove-column', view());
    await clickOn('remove-column', view());
    expect(editor.columns()).toBe(2);
  });

  it('imports a text layout, refusing other characters', async () => {
    await typeInto('editor-import', 'MMMM\n.#..\nMMMM', view());
    await clickOn('editor-import-apply', view());
    expect(editor.moduleCount()).toBe(8);
    await typeInto('editor-import', 'MMX', view());
    await clickOn('editor-import-apply', view());
    expect(byTestId('editor-import-error', view())).toBeTruthy();
    expect(layoutOf(gridFromLayout('M\nMM') ?? [])).toBe('M.\nMM');
  });
});
