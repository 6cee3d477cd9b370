import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff.js';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffMediaType', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['application/pdf', bytes('%PDF-1.7\n')],
  ])('recognizes %s', (type, content) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it.each([
    ['HTML', bytes('<html><script>')],
    ['SVG', bytes('<svg xmlns=')],
    ['a RIFF that is not WebP', bytes('RIFF', [1, 2, 3, 4], 'WAVE')],
    ['a truncated JPEG', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
  ])('refuses %s', (_label, content) => {
    expect(sniffMediaType(content)).toBeNull();
  });
});
