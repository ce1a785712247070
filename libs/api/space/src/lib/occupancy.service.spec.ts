import { proRataCents } from './occupancy.service';

describe('proRataCents', () => {
  it('charges the whole month for every day of it', () => {
    expect(proRataCents(133_200, 30, 30)).toBe(133_200);
  });

  it('charges a part of the month exactly, rounding half up to the cent', () => {
    expect(proRataCents(3_100, 1, 31)).toBe(100);
    expect(proRataCents(100, 1, 3)).toBe(33);
    expect(proRataCents(100, 2, 3)).toBe(67);
    expect(proRataCents(1, 1, 2)).toBe(1);
  });

  it('charges nothing for no days', () => {
    expect(proRataCents(99_999, 0, 28)).toBe(0);
  });
});
