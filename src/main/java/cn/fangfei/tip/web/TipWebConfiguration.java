package cn.fangfei.tip.web;

import java.util.Map;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.TipProperties;

@Configuration(proxyBeanMethods = false)
class TipWebConfiguration {
    /** The text fields and the multipart framing around five full-size files. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    /** Runs before Spring Security, whose CSRF check would otherwise be the first to read the body. */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> tipUploadLimitFilter(TipProperties properties, Replies replies) {
        long maxRequest = properties.maxFiles() * properties.maxFileSize().toBytes() + FORM_OVERHEAD_BYTES;
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter(
                maxRequest, replies, Map.of("max", Long.toString(properties.maxFileSize().toMegabytes()),
                "files", Integer.toString(properties.maxFiles()))));
        registration.addUrlPatterns("/tip", "/tip/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
