package cn.fangfei.tip.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.MailOutbox;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipSubmissions;
import cn.fangfei.wechat.WechatAppTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import tools.jackson.databind.json.JsonMapper;

/** Without spring.mail.host (the WeChat test context has none) tips are taken as usual and no mail is queued. */
@ExtendWith(OutputCaptureExtension.class)
class MailOffTest extends WechatAppTest {
    @Autowired
    MailOutbox outbox;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipInput input;
    @Autowired
    Pool<Jedis> redis;
    @Autowired
    TipProperties properties;

    @Test
    void tipsAreTakenAndNoMailIsQueued() {
        RedisTestSupport.flush(redis);

        submissions.submit(input.draft("养老", "线索", "镇上", "", List.of()), Channel.WEB, Optional.empty(), false);

        assertThat(outbox.enabled()).isFalse();
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.xlen(TipKeys.STREAM)).isEqualTo(1);
            assertThat(jedis.exists(TipKeys.MAIL_OUTBOX)).isFalse();
        }
    }

    @Test
    void startingWithoutAMailHostSaysSoOnceAtInfo(CapturedOutput output) {
        long before = notices(output).size();

        new MailOutbox(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), properties, redis,
                JsonMapper.builder().build(), Clock.systemUTC());

        List<String> notices = notices(output);
        assertThat(notices).hasSize((int) before + 1);
        assertThat(notices.get(notices.size() - 1)).contains(" INFO ");
    }

    private static List<String> notices(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("spring.mail.host is not set")).toList();
    }
}
