package cn.fangfei.wechat.menu;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a click on a menu button does, as written in its key: {@code faq:<topic id>} answers a FAQ
 * topic, {@code reply:<replies.yml key>} says a fixed reply, {@code campaign:<action>} is answered by
 * the campaign feature's own route (e.g. campaign:subscribe), {@code tip:start} starts an anonymous
 * tip-off and {@code tip:status} explains how to follow one up (both answered by cn.fangfei.tip.chat).
 */
public record MenuKey(Action action, String target) {
    public enum Action { FAQ, REPLY, CAMPAIGN, TIP }

    private static final Pattern FORMAT = Pattern.compile("(faq|reply|campaign):([a-z0-9][a-z0-9-]*)|(tip):(start|status)");

    public static Optional<MenuKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(3) != null) {
            return Optional.of(new MenuKey(Action.TIP, matcher.group(4)));
        }
        Action action = Action.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new MenuKey(action, matcher.group(2)));
    }
}
