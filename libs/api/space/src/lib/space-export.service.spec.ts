import { euros } from './space-export.service';

describe('euros', () => {
  it('writes integer cents as euros with two decimals, exactly', () => {
    expect(euros(26_323)).toBe('263.23');
    expect(euros(5)).toBe('0.05');
    expect(euros(100)).toBe('1.00');
    expect(euros(-1_050)).toBe('-10.50');
    expect(euros(123_456_789_01)).toBe('123456789.01');
  });
});
