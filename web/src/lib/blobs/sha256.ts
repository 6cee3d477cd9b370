/** Lower-case hex SHA-256 of a blob (Web Crypto: the app runs only in secure contexts, as PWAs must). */
export async function sha256Hex(data: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
