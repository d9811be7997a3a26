package cn.fangfei.config;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fangfei.simulator.enabled}: auto (on when no WeChat account is configured), true or false. */
@ConfigurationProperties("fangfei.simulator")
public record SimulatorProperties(String enabled) {
    public SimulatorProperties {
        enabled = enabled == null || enabled.isBlank() ? "auto" : enabled.strip().toLowerCase(Locale.ROOT);
        if (!enabled.equals("auto") && !enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("fangfei.simulator.enabled must be auto, true or false, not " + enabled);
        }
    }
}
