package cn.fangfei.logging;

import java.util.Iterator;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * Puts a {@link MaskingEncoder} in front of every log appender, right after Spring Boot has
 * configured logging, so that no line from any library leaves the process with a phone, ID or card
 * number in it. Registered in META-INF/spring.factories, so it applies to every start of the app.
 */
public final class LogMasking implements SmartApplicationListener {
    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        install();
    }

    /** Runs after Spring Boot's logging listener, which (re)creates the appenders. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && !(appender.getEncoder() instanceof MaskingEncoder)) {
                    MaskingEncoder masking = new MaskingEncoder(appender.getEncoder());
                    masking.setContext(context);
                    masking.start();
                    appender.setEncoder(masking);
                }
            }
        }
    }
}
