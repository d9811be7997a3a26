package cn.fangfei.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the office console's pages, whichever feature package it lives in: {@link ConsoleModel}
 * gives its pages the staff member looking, and {@link ConsoleExceptionHandler} turns its failures into pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
