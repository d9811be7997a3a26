/**
 * The office console's shared look and the pages that belong to no single feature: the dashboard, staff users, the
 * audit log, error pages and the model every console page gets (see ConsolePage). May use faq, tip,
 * campaign.subscription, security and crypto; feature console pages live beside their feature and use this
 * package.
 */
package cn.fangfei.console;
