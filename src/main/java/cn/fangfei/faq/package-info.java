/**
 * The FAQ engine: content loading, text normalisation, BM25 index, answers, risk checks, the overlay of staff
 * edits and the logs of unanswered questions. May use content, redis and config.
 */
package cn.fangfei.faq;
