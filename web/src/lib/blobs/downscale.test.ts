import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_IMAGE_EDGE_PX } from './downscale';

describe('fitWithin', () => {
  it('scales a 4000×3000 phone photo to a 2048-px long edge, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2048, height: 1536 });
  });

  it('scales portrait photos by their height', () => {
    expect(fitWithin(3024, 4032)).toEqual({ width: 1536, height: 2048 });
  });

  it('leaves images already within the limit alone', () => {
    expect(fitWithin(1600, 1200)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(MAX_IMAGE_EDGE_PX, 10)).toEqual({ width: MAX_IMAGE_EDGE_PX, height: 10 });
  });

  it('never rounds a thin image down to zero pixels', () => {
    expect(fitWithin(100_000, 10)).toEqual({ width: 2048, height: 1 });
  });
});
