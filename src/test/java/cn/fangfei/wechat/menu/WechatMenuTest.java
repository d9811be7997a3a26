package cn.fangfei.wechat.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;

class WechatMenuTest {
    @TempDir
    Path dir;

    private final WechatMenu menu = new WechatMenu();

    @Test
    void theShippedMenuLoads() {
        menu.reload(Path.of("content"));

        assertThat(menu.buttons()).hasSizeBetween(1, 3);
        assertThat(menu.buttons()).allSatisfy(top -> assertThat(top.sub()).hasSizeLessThanOrEqualTo(5));
    }

    @Test
    void clickAndViewButtonsAndGroupsAreRead() {
        write("""
                buttons:
                  - {name: 问答, type: click, key: "faq:what-is-illegal-fundraising"}
                  - name: 帮助
                    sub:
                      - {name: 使用帮助, type: click, key: "reply:help"}
                      - {name: 官网, type: view, url: "https://example.gov.cn/"}
                """);

        menu.reload(dir);

        assertThat(menu.buttons()).containsExactly(
                MenuButton.click("问答", "faq:what-is-illegal-fundraising"),
                MenuButton.group("帮助", List.of(
                        MenuButton.click("使用帮助", "reply:help"),
                        MenuButton.view("官网", "https://example.gov.cn/"))));
    }

    @Test
    void campaignKeysAreAccepted() {
        write("""
                buttons:
                  - {name: 订阅提醒, type: click, key: "campaign:subscribe"}
                """);

        menu.reload(dir);

        assertThat(menu.buttons()).containsExactly(MenuButton.click("订阅提醒", "campaign:subscribe"));
    }

    @Test
    void moreThanThreeButtonsNamesTheButtonsLine() {
        write("""
                # 菜单
                buttons:
                  - {name: 一, type: click, key: "reply:help"}
                  - {name: 二, type: click, key: "reply:help"}
                  - {name: 三, type: click, key: "reply:help"}
                  - {name: 四, type: click, key: "reply:help"}
                """);

        assertProblem(3, "一级菜单应有1到3个");
    }

    @Test
    void moreThanFiveSubButtonsNamesTheSubLine() {
        write("""
                buttons:
                  - name: 很多
                    sub:
                      - {name: 一, type: click, key: "reply:help"}
                      - {name: 二, type: click, key: "reply:help"}
                      - {name: 三, type: click, key: "reply:help"}
                      - {name: 四, type: click, key: "reply:help"}
                      - {name: 五, type: click, key: "reply:help"}
                      - {name: 六, type: click, key: "reply:help"}
                """);

        assertProblem(4, "子菜单应有1到5个");
    }

    @Test
    void aTopLevelNameOfFiveHanziIsTooLong() {
        write("""
                buttons:
                  - {name: 防非问答, type: click, key: "reply:help"}
                  - {name: 防范非法集资, type: click, key: "reply:help"}
                """);

        assertProblem(3, "一级菜单名“防范非法集资”太长");
    }

    @Test
    void aSubButtonNameOfNineHanziIsTooLong() {
        write("""
                buttons:
                  - name: 帮助
                    sub:
                      - {name: 什么是非法集资, type: click, key: "reply:help"}
                      - {name: 什么是非法集资活动呢, type: click, key: "reply:help"}
                """);

        assertProblem(5, "二级菜单名“什么是非法集资活动呢”太长");
    }

    @Test
    void theShippedMenuOffersTheTipOffButtons() {
        menu.reload(Path.of("content"));

        assertThat(menu.buttons()).flatExtracting(MenuButton::sub).extracting(MenuButton::key)
                .contains("tip:start", "tip:status");
        assertThat(MenuKey.parse("tip:start")).contains(new MenuKey(MenuKey.Action.TIP, "start"));
        assertThat(MenuKey.parse("tip:delete")).isEmpty();
    }

    @Test
    void aClickKeyMustBeFaqOrReply() {
        write("""
                buttons:
                  - name: 帮助
                    sub:
                      - {name: 使用帮助, type: click, key: "reply:help"}
                      - name: 举报
                        type: click
                        key: "report now"
                """);

        assertProblem(7, "key“report now”的格式不对");
    }

    @Test
    void otherProblemsNameTheirLines() {
        write("""
                buttons:
                  - {name: 网页, type: view, url: "ftp://example.com"}
                """);
        assertProblem(2, "网址应以 https:// 或 http:// 开头");

        write("""
                buttons:
                  - {name: 小程序, type: miniprogram, key: "reply:help"}
                """);
        assertProblem(2, "菜单类型“miniprogram”不支持");

        write("""
                buttons:
                  - name: 帮助
                    type: click
                    key: "reply:help"
                    sub:
                      - {name: 使用帮助, type: click, key: "reply:help"}
                """);
        assertProblem(2, "有子菜单,就不能再有 type、key 或 url");

        write("""
                buttons:
                  - {name: 问答, type: click}
                """);
        assertProblem(2, "缺少字段 key");
    }

    @Test
    void aBrokenFileKeepsThePreviousMenu() {
        menu.reload(Path.of("content"));
        var before = menu.buttons();
        write("buttons: [");

        assertThatThrownBy(() -> menu.reload(dir)).isInstanceOf(ContentException.class);
        assertThat(menu.buttons()).isEqualTo(before);
    }

    private void assertProblem(int line, String problem) {
        assertThatThrownBy(() -> menu.reload(dir))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.file()).isEqualTo(dir.resolve("menu.yml"));
                    assertThat(e.getMessage()).contains("menu.yml", "第" + line + "行", problem);
                });
    }

    private void write(String yaml) {
        try {
            Files.writeString(dir.resolve("menu.yml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
