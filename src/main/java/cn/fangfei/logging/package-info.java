/**
 * Log masking: the encoder and masker that keep openids, phone numbers and tip text out of the logs. Depends on no
 * other package of the app.
 */
package cn.fangfei.logging;
