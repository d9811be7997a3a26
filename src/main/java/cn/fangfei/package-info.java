/**
 * The application's entry point. Each feature lives in its own package below this one; ArchitectureTest keeps the
 * packages free of cycles.
 */
package cn.fangfei;
