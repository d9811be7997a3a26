package cn.fangfei.wechat.menu;

import org.springframework.stereotype.Service;

import cn.fangfei.content.ContentProperties;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/** Pushes content/menu.yml to WeChat, which shows it to residents within minutes. */
@Service
public class MenuPublisher {
    private final WechatMenu menu;
    private final ContentProperties content;
    private final WxMpService wxMpService;

    public MenuPublisher(WechatMenu menu, ContentProperties content, WxMpService wxMpService) {
        this.menu = menu;
        this.content = content;
        this.wxMpService = wxMpService;
    }

    /**
     * Reads the file again first: the push is what an editor does right after editing, and a broken
     * file must stop the push (with its line) rather than silently push the previous menu.
     */
    public int publish() throws WxErrorException {
        menu.reload(content.dir().toAbsolutePath().normalize());
        wxMpService.getMenuService().menuCreate(menu.toWxMenu());
        return menu.buttons().size();
    }
}
