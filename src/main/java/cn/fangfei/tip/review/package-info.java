/**
 * The office's review of tip-offs: the console pages (TipReviewPagesController) and the JSON API
 * (TipReviewApiController), ledger CSV export and the views both show. May use tip, console and content.
 */
package cn.fangfei.tip.review;
