package cn.fangfei.wechat.menu;

import java.util.List;

import me.chanjar.weixin.common.bean.menu.WxMenuButton;

/** One button of the account menu: a group with sub-buttons, or a click (key) or view (url) button. */
public record MenuButton(String name, String type, String key, String url, List<MenuButton> sub) {
    public MenuButton {
        sub = List.copyOf(sub);
    }

    public static MenuButton group(String name, List<MenuButton> sub) {
        return new MenuButton(name, null, null, null, sub);
    }

    public static MenuButton click(String name, String key) {
        return new MenuButton(name, "click", key, null, List.of());
    }

    public static MenuButton view(String name, String url) {
        return new MenuButton(name, "view", null, url, List.of());
    }

    public boolean isGroup() {
        return !sub.isEmpty();
    }

    WxMenuButton toWx() {
        WxMenuButton button = new WxMenuButton();
        button.setName(name);
        button.setType(type);
        button.setKey(key);
        button.setUrl(url);
        button.setSubButtons(sub.stream().map(MenuButton::toWx).toList());
        return button;
    }
}
