/**
 * The Redis connection (external, Sentinel or embedded), its health check, the shared Lua script runner and the
 * one-instance lock. Depends on no feature package; every feature may use it.
 */
package cn.fangfei.redis;
