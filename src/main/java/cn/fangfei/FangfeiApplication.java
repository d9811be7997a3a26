package cn.fangfei;

import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.fangfei.faq.EvalCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FangfeiApplication {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("eval")) {
            // Offline evaluation: the engine alone, no Spring context, no Redis, no web server.
            System.exit(EvalCommand.run(Arrays.asList(args).subList(1, args.length), contentDir(), System.out));
        }
        SpringApplication.run(FangfeiApplication.class, args);
    }

    static Path contentDir() {
        String configured = System.getenv("FANGFEI_CONTENT_DIR");
        return Path.of(configured == null || configured.isBlank() ? "content" : configured);
    }
}
