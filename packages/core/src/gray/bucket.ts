import { type Murmur3Prefix, murmur3Prefix, murmur3WithPrefix } from './murmur3.js';

/**
 * The version of the bucketing rule. Any change to what `bucketOf` answers is a new version: every SDK in every
 * language must agree, and users must not silently move in or out of gray.
 */
export const BUCKET_HASH_VERSION = 1;

/** Basis points: a bucket is 0..9999, and a share of N basis points holds buckets 0..N-1. */
export const BUCKETS = 10_000;

/** The bucket of a user for one version: MurmurHash3_x86_32(`${appId}:${version}:${userId}`, 0) mod 10000. */
export function bucketOf(appId: string, version: string, userId: string): number {
  return bucketWithPrefix(murmur3Prefix(`${appId}:${version}:`), userId);
}

/** The bucket of a user under an already hashed `${appId}:${version}:` prefix: every decision's hot path. */
export function bucketWithPrefix(prefix: Murmur3Prefix, userId: string): number {
  return murmur3WithPrefix(prefix, userId) % BUCKETS;
}

/** Bucketing for one gray version, with the key prefix hashed once. */
export interface GrayBucketer {
  readonly prefix: Murmur3Prefix;
  bucket(userId: string): number;
}

export function grayBucketer(appId: string, version: string): GrayBucketer {
  const prefix = murmur3Prefix(`${appId}:${version}:`);
  return { prefix, bucket: (userId) => bucketWithPrefix(prefix, userId) };
}

/** Whether a bucket falls inside a share; a wider share keeps every bucket it held (sticky). */
export function inShare(bucket: number, basisPoints: number): boolean {
  return bucket < basisPoints;
}
