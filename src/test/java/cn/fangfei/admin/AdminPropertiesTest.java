package cn.fangfei.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** A guessable admin token stops the start with a one-line reason; none switches /admin off. */
class AdminPropertiesTest {
    @Configuration
    @EnableConfigurationProperties(AdminProperties.class)
    static class OnlyAdminProperties {
    }

    @Test
    void aTokenShorterThan32CharactersStopsTheStart() {
        SpringApplication app = new SpringApplication(OnlyAdminProperties.class);
        app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--fangfei.admin.token=test-admin-token"))
                .rootCause().hasMessage("FANGFEI_ADMIN_TOKEN must be at least 32 characters (openssl rand -hex 32), "
                        + "or empty to switch /admin off");
    }

    @Test
    void aLongTokenOrNoneIsAccepted() {
        assertThat(new AdminProperties("0123456789abcdef0123456789abcdef").enabled()).isTrue();
        assertThat(new AdminProperties("").enabled()).isFalse();
    }
}
