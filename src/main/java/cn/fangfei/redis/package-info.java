/**
 * The Redis connection (external, Sentinel or embedded), its health check, the shared Lua script runner
 * ({@link cn.fangfei.redis.RedisScript}, the one way to run a script), the one lock across instances
 * ({@link cn.fangfei.redis.RedisLock}, fenced where a holder's writes must be refused once it lost it) and
 * the once-per-period claim for scheduled jobs that one instance does ({@link cn.fangfei.redis.OncePerPeriod}).
 * Keys are named by the features that use them. Depends on no feature package; every feature may use it.
 */
package cn.fangfei.redis;
