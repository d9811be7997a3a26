package cn.fangfei.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Staff API calls pass the audit; /api/ask is the residents' and is left out. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {
    private final ApiAudit apiAudit;

    ConsoleWebConfiguration(ApiAudit apiAudit) {
        this.apiAudit = apiAudit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiAudit).addPathPatterns("/api/**").excludePathPatterns("/api/ask");
    }
}
