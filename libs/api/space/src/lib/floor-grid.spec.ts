import { editorLayout, gridZones, normalizedLayout } from './floor-grid';

describe('floor grid', () => {
  it('pads short lines with corridor and drops trailing blank lines', () => {
    expect(normalizedLayout('MM\nm\n\n')).toEqual(['MM', 'M.']);
  });

  it('shows live modules as M and retired ones as not rentable, grown to hold every module', () => {
    expect(editorLayout('MMM\n...', [{ col: 0, row: 0 }, { col: 2, row: 0 }, { col: 1, row: 2 }])).toBe('M#M\n...\n.M.');
  });

  it('keeps one trimmed zone per cell inside the grid', () => {
    const zones = gridZones(
      [
        { col: 0, row: 0, zone: ' Nord ' },
        { col: 0, row: 0, zone: 'Sud' },
        { col: 5, row: 0, zone: 'dehors' },
        { col: 1, row: 0, zone: '  ' },
      ],
      ['MM'],
    );
    expect(zones).toEqual([{ col: 0, row: 0, zone: 'Sud' }]);
  });
});
