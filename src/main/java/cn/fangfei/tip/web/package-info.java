/**
 * The resident's web form for tip-offs and the status page for a receipt code, with upload limits and draft
 * handling. May use tip, crypto and content.
 */
package cn.fangfei.tip.web;
