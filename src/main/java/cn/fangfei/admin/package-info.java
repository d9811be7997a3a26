/**
 * The token-guarded content administration API (reload and inspect the content files) for operators' scripts. May
 * use content; nothing else depends on it.
 */
package cn.fangfei.admin;
