package cn.fangfei.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app as a fresh checkout runs it (application-test.yml only: simulator mode, no WeChat account),
 * without a server: requests go through MockMvc. Every test class with this annotation shares one
 * application context, so a test that needs other settings belongs to another base (SimulatorAppTest,
 * WechatAppTest, TipAppTest) rather than a variant of this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface MockMvcApp {
}
