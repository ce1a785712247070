import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  let version: string;
  let computed: string[];
  const compute = (key: string) => async () => {
    computed.push(key);
    return `${key}@${version}`;
  };

  beforeEach(() => {
    version = '1';
    computed = [];
  });

  it('computes a key once per version', async () => {
    const cache = new VersionedCache<string>(async () => version, 10);
    expect(await cache.get('a', compute('a'))).toBe('a@1');
    expect(await cache.get('a', compute('a'))).toBe('a@1');
    expect(computed).toEqual(['a']);
    version = '2';
    expect(await cache.get('a', compute('a'))).toBe('a@2');
    expect(computed).toEqual(['a', 'a']);
  });

  it('shares one computation between concurrent misses of a key', async () => {
    const cache = new VersionedCache<string>(async () => version, 10);
    const values = await Promise.all([cache.get('a', compute('a')), cache.get('a', compute('a')), cache.get('b', compute('b'))]);
    expect(values).toEqual(['a@1', 'a@1', 'b@1']);
    expect(computed).toEqual(['a', 'b']);
  });

  it('drops the least recently used key beyond its capacity', async () => {
    const cache = new VersionedCache<string>(async () => version, 2);
    await cache.get('a', compute('a'));
    await cache.get('b', compute('b'));
    await cache.get('a', compute('a')); // a is now more recent than b
    await cache.get('c', compute('c'));
    expect(cache.size).toBe(2);
    computed = [];
    await cache.get('a', compute('a'));
    await cache.get('b', compute('b'));
    expect(computed).toEqual(['b']);
  });

  it('does not keep a failed computation', async () => {
    const cache = new VersionedCache<string>(async () => version, 10);
    await expect(cache.get('a', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('a', compute('a'))).toBe('a@1');
    expect(computed).toEqual(['a']);
  });
});
