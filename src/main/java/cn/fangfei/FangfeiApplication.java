package cn.fangfei;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.SAXParserFactory;

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
        nameTheXmlParser();
        SpringApplication.run(FangfeiApplication.class, args);
    }

    /**
     * WxJava reads every callback with dom4j, which asks JAXP for a new SAX parser factory each time.
     * Unless this property names the factory, JAXP searches the class path for one, and in the packaged
     * jar that search looks into each of the nested jars under a lock shared by all request threads
     * (under load, JFR showed request threads blocked there more than anywhere else). The JDK's own
     * factory is what the search finds anyway: no jar on the class path offers another.
     */
    private static void nameTheXmlParser() {
        String property = SAXParserFactory.class.getName();
        if (System.getProperty(property) == null) {
            System.setProperty(property, SAXParserFactory.newDefaultInstance().getClass().getName());
        }
    }

    private static List<String> rest(String[] args) {
        return Arrays.asList(args).subList(1, args.length);
    }

    static Path contentDir() {
        String configured = System.getenv("FANGFEI_CONTENT_DIR");
        return Path.of(configured == null || configured.isBlank() ? "content" : configured);
    }
}
