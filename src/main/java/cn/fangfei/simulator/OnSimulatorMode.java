package cn.fangfei.simulator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import cn.fangfei.config.RunMode;
import cn.fangfei.config.SimulatorProperties;
import cn.fangfei.wechat.WechatProperties;

/** Registers the simulator's beans only in simulator mode, so that its URLs are plain 404s otherwise. */
class OnSimulatorMode implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        SimulatorProperties simulator = binder.bind("fangfei.simulator", SimulatorProperties.class)
                .orElseGet(() -> new SimulatorProperties(null));
        WechatProperties wechat = binder.bind("fangfei.wechat", WechatProperties.class)
                .orElseGet(() -> new WechatProperties(null, null, null, null, null, null, null));
        return RunMode.of(simulator, wechat.hasCredentials()).simulator();
    }
}
