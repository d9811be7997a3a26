/**
 * The start page at / and the language every page declares. May use config, content and faq.
 */
package cn.fangfei.home;
