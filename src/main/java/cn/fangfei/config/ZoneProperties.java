package cn.fangfei.config;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's time zone (fangfei.zone, default Asia/Shanghai): the app's clock, the nightly jobs and the
 * dates residents and staff read all use it, through the {@code clock} bean.
 */
@ConfigurationProperties("fangfei")
public record ZoneProperties(String zone) {
    public static final String DEFAULT = "Asia/Shanghai";

    public ZoneProperties {
        zone = zone == null || zone.isBlank() ? DEFAULT : zone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("fangfei.zone “" + zone + "” is not a time zone, e.g. " + DEFAULT, e);
        }
    }

    public ZoneId id() {
        return ZoneId.of(zone);
    }
}
