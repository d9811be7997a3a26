package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.fangfei.FangfeiApplication;
import cn.fangfei.config.RunMode;
import cn.fangfei.support.MockMvcApp;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * The first administrator (issue 11, first run): a local one with a logged one-time password in simulator
 * mode, nothing with a real account unless FANGFEI_ADMIN_PASSWORD is set, and a one-line error for a
 * password that is too short.
 */
@MockMvcApp
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password (\\S+)");

    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Pool<Jedis> redis;

    /** Where this test's log starts: the output also holds the context's own start. */
    private int logStart;

    @BeforeEach
    void noAccounts(CapturedOutput output) {
        logStart = output.getOut().length();
        deleteAccounts();
    }

    private void deleteAccounts() {
        try (Jedis jedis = redis.getResource()) {
            for (String username : jedis.smembers(SecurityKeys.USERS)) {
                jedis.del(SecurityKeys.user(username));
            }
            jedis.del(SecurityKeys.USERS);
        }
    }

    private String log(CapturedOutput output) {
        return output.getOut().substring(logStart);
    }

    private FirstAdmin firstAdmin(String password, boolean simulator) {
        SecurityProperties properties = new SecurityProperties("admin", password, null, 0, null, null, 0, null, 0,
                null, "");
        return new FirstAdmin(accounts, properties, new RunMode(simulator));
    }

    @Test
    void simulatorModeCreatesALocalAdministratorOnceAndLogsItsPassword(CapturedOutput output) {
        firstAdmin("", true).createIfMissing();

        Matcher logged = ONE_TIME_PASSWORD.matcher(log(output));
        assertThat(logged.find()).as("the password is in the log").isTrue();
        String password = logged.group(1);
        assertThat(log(output)).contains("for local use");
        StaffAccount admin = accounts.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(StaffRole.ADMIN);
        assertThat(encoder.matches(password, admin.passwordHash())).isTrue();

        firstAdmin("", true).createIfMissing();
        assertThat(ONE_TIME_PASSWORD.matcher(log(output)).results().count()).as("printed once").isEqualTo(1);
        assertThat(encoder.matches(password, accounts.find("admin").orElseThrow().passwordHash()))
                .as("not replaced on the next start").isTrue();
    }

    @Test
    void theGeneratedPasswordIsRandom(CapturedOutput output) {
        firstAdmin("", true).createIfMissing();
        deleteAccounts();
        firstAdmin("", true).createIfMissing();
        assertThat(ONE_TIME_PASSWORD.matcher(log(output)).results().map(found -> found.group(1)).distinct())
                .hasSize(2);
    }

    @Test
    void simulatorModeCreatesNothingWhenAnAdministratorExists(CapturedOutput output) {
        accounts.save("chief", "chief-password-1", Set.of(StaffRole.ADMIN));
        firstAdmin("", true).createIfMissing();
        assertThat(accounts.find("admin")).isEmpty();
        assertThat(log(output)).doesNotContain("one-time password");
    }

    @Test
    void aRealAccountGetsNoAdministratorWithoutAPassword(CapturedOutput output) {
        firstAdmin("", false).createIfMissing();
        assertThat(accounts.all()).isEmpty();
        assertThat(log(output)).doesNotContain("one-time password")
                .contains("FANGFEI_ADMIN_PASSWORD is not set: no first administrator is created");
    }

    @Test
    void aConfiguredPasswordMakesTheAdministratorInEitherMode() {
        firstAdmin("configured-password", false).createIfMissing();
        assertThat(encoder.matches("configured-password", accounts.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aPasswordThatIsTooShortOrTooLongIsRefusedWithItsReason() {
        assertThatThrownBy(() -> firstAdmin("short", false).afterSingletonsInstantiated())
                .isInstanceOf(AdminPasswordRejectedException.class)
                .hasMessage("FANGFEI_ADMIN_PASSWORD is too short: it needs at least 10 characters");
        assertThatThrownBy(() -> firstAdmin("密".repeat(25), true).afterSingletonsInstantiated())
                .isInstanceOf(AdminPasswordRejectedException.class)
                .hasMessageStartingWith("FANGFEI_ADMIN_PASSWORD is too long");
    }

    @Test
    void theAppStopsWithOneClearLineAndNoStackTraceForAShortPassword(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(FangfeiApplication.class).profiles("test");
        assertThatThrownBy(() -> app.run("--fangfei.security.admin-password=short", "--server.port=0")).isInstanceOf(AdminPasswordRejectedException.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("FANGFEI_ADMIN_PASSWORD is too short: it needs at least 10 characters")
                .doesNotContain("\tat cn.fangfei.")
                .doesNotContain("BeanCreationException");
    }
}
