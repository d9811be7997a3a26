/**
 * Loading and hot-reloading the office's content files (replies, contacts, YAML) with their health check. Depends
 * on no other package of the app; every feature may use it.
 */
package cn.fangfei.content;
