/** Photos are stored with their long edge at most this many pixels (issue 4): enough to read a nameplate. */
export const MAX_IMAGE_EDGE_PX = 2048;
const JPEG_QUALITY = 0.85;

/** Types the server accepts (it sniffs the bytes to be sure). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** The size an image of `width`×`height` is scaled to so its long edge fits {@link MAX_IMAGE_EDGE_PX}. */
export function fitWithin(width: number, height: number, maxEdge = MAX_IMAGE_EDGE_PX) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Shrinks a photo on the device before it is stored or sent: a 12-megapixel phone photo becomes a few hundred
 * KB, which matters on one bar of signal. PDFs and images already small enough pass through untouched.
 */
export async function downscaleImage(file: Blob): Promise<Blob> {
  if (!file.type.startsWith('image/')) return file;
  const bitmap = await createImageBitmap(file);
  try {
    const target = fitWithin(bitmap.width, bitmap.height);
    const needsScaling = target.width !== bitmap.width || target.height !== bitmap.height;
    if (!needsScaling && (ACCEPTED_TYPES as readonly string[]).includes(file.type)) return file;
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('无法处理图片');
    context.drawImage(bitmap, 0, 0, target.width, target.height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  } finally {
    bitmap.close();
  }
}
