package cn.fangfei.wechat.menu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import cn.fangfei.content.ReloadableContent;
import cn.fangfei.content.YamlFile;
import cn.fangfei.content.YamlFile.Section;
import me.chanjar.weixin.common.bean.menu.WxMenu;

/**
 * The account menu from content/menu.yml, checked against WeChat's limits at load so that an editor
 * learns of a problem (with its line) from the reload report, not from a failed push.
 */
@Component
public class WechatMenu implements ReloadableContent {
    private static final int MAX_BUTTONS = 3;
    private static final int MAX_SUB_BUTTONS = 5;
    /** WeChat: a top-level name is at most 16 bytes and shows 4 汉字; a sub-button name 60 bytes and 8 汉字. */
    private static final NameLimit TOP_NAME = new NameLimit("一级菜单", 16, 8, "4个汉字或8个字母");
    private static final NameLimit SUB_NAME = new NameLimit("二级菜单", 60, 16, "8个汉字或16个字母");
    private static final int MAX_KEY_BYTES = 128;
    private static final int MAX_URL_BYTES = 1024;

    private final AtomicReference<List<MenuButton>> buttons = new AtomicReference<>(List.of());

    @Override
    public String name() {
        return "menu";
    }

    @Override
    public void reload(Path contentDir) {
        YamlFile file = YamlFile.read(contentDir.resolve("menu.yml"));
        Section root = file.root();
        List<Section> tops = root.sections("buttons");
        if (tops.isEmpty() || tops.size() > MAX_BUTTONS) {
            throw root.errorAt("buttons", "一级菜单应有1到" + MAX_BUTTONS + "个,现在有" + tops.size() + "个");
        }
        List<MenuButton> loaded = new ArrayList<>();
        for (Section top : tops) {
            loaded.add(topButton(top));
        }
        buttons.set(List.copyOf(loaded));
    }

    public List<MenuButton> buttons() {
        return buttons.get();
    }

    public WxMenu toWxMenu() {
        WxMenu menu = new WxMenu();
        menu.setButtons(buttons().stream().map(MenuButton::toWx).toList());
        return menu;
    }

    private static MenuButton topButton(Section top) {
        String name = name(top, TOP_NAME);
        if (!top.has("sub")) {
            return leaf(top, name);
        }
        if (top.has("type") || top.has("key") || top.has("url")) {
            throw top.error("菜单“" + name + "”有子菜单,就不能再有 type、key 或 url");
        }
        List<Section> subs = top.sections("sub");
        if (subs.isEmpty() || subs.size() > MAX_SUB_BUTTONS) {
            throw top.errorAt("sub", "菜单“" + name + "”的子菜单应有1到" + MAX_SUB_BUTTONS + "个,现在有" + subs.size() + "个");
        }
        List<MenuButton> sub = new ArrayList<>();
        for (Section item : subs) {
            if (item.has("sub")) {
                throw item.errorAt("sub", "微信菜单只有两级,二级菜单下不能再有子菜单");
            }
            sub.add(leaf(item, name(item, SUB_NAME)));
        }
        return MenuButton.group(name, sub);
    }

    private static MenuButton leaf(Section button, String name) {
        String type = button.string("type");
        return switch (type) {
            case "click" -> MenuButton.click(name, clickKey(button));
            case "view" -> MenuButton.view(name, viewUrl(button));
            default -> throw button.errorAt("type", "菜单类型“" + type + "”不支持,只能是 click 或 view");
        };
    }

    private static String clickKey(Section button) {
        String key = button.string("key");
        if (MenuKey.parse(key).isEmpty()) {
            throw button.errorAt("key", "key“" + key + "”的格式不对,应为 faq:话题id、reply:回复键、campaign:subscribe / campaign:unsubscribe(小写字母、数字和-),或 tip:start、tip:status");
        }
        if (utf8Bytes(key) > MAX_KEY_BYTES) {
            throw button.errorAt("key", "key 太长,最多" + MAX_KEY_BYTES + "字节");
        }
        return key;
    }

    private static String viewUrl(Section button) {
        String url = button.string("url");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw button.errorAt("url", "网址应以 https:// 或 http:// 开头");
        }
        if (utf8Bytes(url) > MAX_URL_BYTES) {
            throw button.errorAt("url", "网址太长,最多" + MAX_URL_BYTES + "字节");
        }
        return url;
    }

    private static String name(Section button, NameLimit limit) {
        String name = button.string("name");
        if (utf8Bytes(name) > limit.maxBytes() || displayWidth(name) > limit.maxWidth()) {
            throw button.errorAt("name", limit.level() + "名“" + name + "”太长,最多" + limit.description());
        }
        return name;
    }

    /** Width as WeChat shows it: a 汉字 takes the room of two letters. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private record NameLimit(String level, int maxBytes, int maxWidth, String description) {
    }
}
