package cn.fangfei.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How residents reach the web pages (articles, the tip form): the public address behind any proxy. */
@ConfigurationProperties("fangfei.site")
public record SiteProperties(String publicUrl) {
    public SiteProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    public String url(String path) {
        return publicUrl + path;
    }
}
