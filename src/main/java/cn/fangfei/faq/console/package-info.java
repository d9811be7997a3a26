/**
 * The console pages where staff answer unanswered questions and edit the knowledge base. May use faq and console.
 */
package cn.fangfei.faq.console;
