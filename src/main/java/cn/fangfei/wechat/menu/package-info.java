/**
 * The WeChat custom menu: its buttons and keys, publishing it and its admin endpoint. May use content.
 */
package cn.fangfei.wechat.menu;
