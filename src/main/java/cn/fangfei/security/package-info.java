/**
 * Staff sign-in: accounts and roles, login throttling, Redis-backed sessions, the first administrator and the
 * security filter chain. May use config.
 */
package cn.fangfei.security;
