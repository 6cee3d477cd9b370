import { describe, expect, it } from 'vitest';
import { avatarText, contrastRatio, textColorOn } from './avatar';
import { PRESENCE_COLORS } from './presence';

describe('avatar text', () => {
  it('shows the given name of a Chinese personal name', () => {
    expect(avatarText('李安全')).toBe('安全');
    expect(avatarText('王五')).toBe('王五');
  });

  it('shows the first two characters of a long name such as an enterprise', () => {
    expect(avatarText('江苏安建建设集团有限公司')).toBe('江苏');
  });

  it('shows the upper-cased initial of a Latin name and never an empty circle', () => {
    expect(avatarText('admin')).toBe('A');
    expect(avatarText('  ')).toBe('?');
  });
});

describe('avatar colours', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('puts text on every presence colour at 4.5:1 or more', () => {
    for (const color of PRESENCE_COLORS) {
      expect(contrastRatio(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('writes dark text on a light colour', () => {
    expect(textColorOn('#ffd43b')).toBe('#000000');
    expect(textColorOn('#1864ab')).toBe('#ffffff');
  });

  it('keeps 4.5:1 on any colour the server may assign, such as an older palette’s teal', () => {
    for (const color of ['#0c8599', '#d9480f', '#2f9e44', '#e8590c', '#808080', '#ff0000']) {
      expect(contrastRatio(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});
