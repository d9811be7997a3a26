/**
 * Small settings every package may read: the clock, the site's public address and the run mode (simulator or a
 * real WeChat account). Depends on no other package of the app.
 */
package cn.fangfei.config;
