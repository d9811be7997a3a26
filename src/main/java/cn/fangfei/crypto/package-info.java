/**
 * Encryption at rest (the sealer and its key ring) and keyed hashes, with the development key for local runs. May
 * use config and redis, never a feature package.
 */
package cn.fangfei.crypto;
