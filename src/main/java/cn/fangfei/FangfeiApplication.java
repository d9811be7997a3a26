package cn.fangfei;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.fangfei.campaign.calendar.CampaignsCommand;
import cn.fangfei.config.ZoneProperties;
import cn.fangfei.faq.EvalCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FangfeiApplication {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("eval")) {
            // Offline evaluation: the engine alone, no Spring context, no Redis, no web server.
            System.exit(EvalCommand.run(rest(args), contentDir(), System.out));
        }
        if (args.length > 0 && args[0].equals("campaigns")) {
            // The publicity calendar from content/ alone: no Spring context, no Redis, no web server.
            System.exit(CampaignsCommand.run(rest(args), contentDir(), System.out, Clock.system(ZoneId.of(System.getenv().getOrDefault("FANGFEI_ZONE", ZoneProperties.DEFAULT)))));
        }
        SpringApplication.run(FangfeiApplication.class, args);
    }

    private static List<String> rest(String[] args) {
        return Arrays.asList(args).subList(1, args.length);
    }

    static Path contentDir() {
        String configured = System.getenv("FANGFEI_CONTENT_DIR");
        return Path.of(configured == null || configured.isBlank() ? "content" : configured);
    }
}
