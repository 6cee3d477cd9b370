import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api';
import { cacheKey, cachedGet, MemoryAnswerStore } from './api-cache';

const offline = () => Promise.reject(new ApiError(0, 'network', '无法连接服务器'));

describe('cachedGet', () => {
  it('stores a fresh answer and returns it with the time it arrived', async () => {
    const store = new MemoryAnswerStore();
    const result = await cachedGet(store, 'k', () => Promise.resolve({ n: 1 }), () => 1000);
    expect(result).toEqual({ data: { n: 1 }, savedAt: 1000, fromCache: false });
    expect(await store.get('k')).toEqual({ key: 'k', data: { n: 1 }, savedAt: 1000 });
  });

  it('answers from the device with the earlier time when the network fails', async () => {
    const store = new MemoryAnswerStore();
    await cachedGet(store, 'k', () => Promise.resolve('first'), () => 1000);
    const result = await cachedGet(store, 'k', offline, () => 5000);
    expect(result).toEqual({ data: 'first', savedAt: 1000, fromCache: true });
  });

  it('rethrows a network failure when the device has nothing for that key', async () => {
    const store = new MemoryAnswerStore();
    await cachedGet(store, 'other', () => Promise.resolve('x'));
    await expect(cachedGet(store, 'k', offline)).rejects.toMatchObject({ code: 'network' });
  });

  it('rethrows server errors even when the device has an earlier answer', async () => {
    const store = new MemoryAnswerStore();
    await cachedGet(store, 'k', () => Promise.resolve('first'));
    const forbidden = () => Promise.reject(new ApiError(404, 'not_found', '未找到该项目'));
    await expect(cachedGet(store, 'k', forbidden)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps two users’ answers to the same URL apart', () => {
    expect(cacheKey('u1', '/projects')).not.toBe(cacheKey('u2', '/projects'));
  });
});
