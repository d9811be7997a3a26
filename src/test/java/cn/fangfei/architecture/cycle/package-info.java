/**
 * Test fixture only: two packages ({@code a} and {@code b}) that use each other, so that ArchitectureTest can show its
 * rule fails on a cycle.
 */
package cn.fangfei.architecture.cycle;
