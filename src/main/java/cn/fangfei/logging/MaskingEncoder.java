package cn.fangfei.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Wraps an appender's encoder and masks the finished line, so plain-text and JSON logs, messages,
 * arguments and exception texts are all covered by one mechanism.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> delegate;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        return line == null ? null : PiiMasker.mask(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void start() {
        super.start();
        if (!delegate.isStarted()) {
            delegate.start();
        }
    }
}
