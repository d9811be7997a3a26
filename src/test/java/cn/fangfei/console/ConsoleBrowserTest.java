package cn.fangfei.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.security.StaffAccounts;
import cn.fangfei.security.StaffRole;
import cn.fangfei.simulator.SimulatorAppTest;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * An office day in a real browser: the administrator creates accounts; a resident submits a tip on
 * /tip, the reviewer claims it, sets 核查中 and messages the tipster, who reads both with the receipt;
 * a resident asks in the simulator, an editor turns the unanswered question into a phrasing and the
 * simulator answers it; the administrator reads the numbers and the audit log.
 * On SimulatorAppTest's app (simulator mode, a random port); screenshots go to target/e2e-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends SimulatorAppTest {
    static final String ADMIN_PASSWORD = "admin-password-for-e2e";
    static final String REVIEWER_PASSWORD = "reviewer-password-1";
    static final String EDITOR_PASSWORD = "editor-password-12";
    /** A resident's question that content/ does not answer (it gets the fallback). */
    static final String QUESTION = "磁疗床垫包治百病";
    static final String TOPIC = "health-products";
    static final String TIP_TEXT = "有人以养老公寓预订床位为名收钱,承诺每年返8%,已经有几十位老人交了钱";
    static final String TIP_MESSAGE = "您好,您的线索已收到,我们正在核查,感谢您的支持!";

    @Autowired
    StaffAccounts accounts;
    @Autowired
    AnswerEngine engine;
    @Autowired
    Pool<Jedis> redis;

    Browser browser;
    /** The resident's receipt code, from the page after submitting, for the status page later. */
    String receipt;

    @BeforeAll
    void start() {
        RedisTestSupport.flush(redis);
        // What FirstAdmin does at start-up from FANGFEI_ADMIN_USERNAME/PASSWORD (the flush removed it).
        accounts.save("admin", ADMIN_PASSWORD, Set.of(StaffRole.ADMIN));
        browser = new Browser("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void anAdministratorLogsInAndCreatesAReviewerAndAnEditor() {
        browser.open("/console");
        assertThat(browser.path()).isEqualTo("/login");
        browser.find("#username");
        browser.screenshot("01-login");

        browser.loginAs("admin", ADMIN_PASSWORD);
        assertThat(browser.find("h1").getText()).isEqualTo("概览");
        browser.screenshot("02-admin-logged-in");

        browser.open("/console/users");
        browser.type("#new-username", "reviewer1");
        browser.type("#new-password", REVIEWER_PASSWORD);
        browser.click("#new-role-REVIEWER");
        browser.click("#create-user button[type=submit]");
        assertThat(browser.waitForText(".notice", "已新建用户 reviewer1")).contains("reviewer1");
        browser.screenshot("03-admin-created-reviewer");

        browser.type("#new-username", "editor1");
        browser.type("#new-password", "short");
        browser.click("#new-role-EDITOR");
        browser.click("#create-user button[type=submit]");
        assertThat(browser.waitForText(".error", "密码至少需要10位")).doesNotContain("Exception");
        browser.screenshot("04-admin-bad-password-refused");
        browser.type("#new-password", EDITOR_PASSWORD);
        browser.click("#create-user button[type=submit]");
        browser.waitForText(".notice", "已新建用户 editor1");

        assertThat(accounts.find("reviewer1").orElseThrow().roles()).containsExactly(StaffRole.REVIEWER);
        assertThat(accounts.find("editor1").orElseThrow().roles()).containsExactly(StaffRole.EDITOR);
        browser.logout();
    }

    @Test
    @Order(2)
    void theNewReviewerCanLogInButNotManageUsers() {
        browser.loginAs("reviewer1", REVIEWER_PASSWORD);
        assertThat(browser.all(".top nav a")).extracting(WebElement::getText).doesNotContain("用户", "未答问题");
        browser.open("/console/users");
        assertThat(browser.find("h1").getText()).isEqualTo("无权访问");
        browser.screenshot("05-reviewer-403");
        browser.open("/console");
        browser.logout();
    }

    @Test
    @Order(3)
    void aResidentSubmitsATipOnTheWebForm() {
        browser.size(Browser.PHONE);
        browser.open("/tip");
        new Select(browser.find("#category")).selectByValue("养老");
        browser.type("#what", TIP_TEXT);
        browser.type("#where", "镇东街养老公寓售楼处");
        browser.screenshot("10-resident-tip-form");
        browser.click("form button[type=submit]");
        receipt = browser.find(".receipt").getText();
        assertThat(receipt.replace(" ", "")).matches("\\d{16}");
        browser.screenshot("11-resident-tip-receipt");
        browser.size(Browser.LAPTOP);
    }

    @Test
    @Order(4)
    void theReviewerClaimsItSetsCheckingAndMessagesTheTipster() {
        browser.loginAs("reviewer1", REVIEWER_PASSWORD);
        browser.open("/console/tips");
        assertThat(browser.all(".tip-row")).hasSize(1);
        assertThat(browser.find("#tip-list").getText()).contains("养老").doesNotContain(TIP_TEXT);
        browser.screenshot("12-reviewer-pending-queue");
        browser.click("#claim-next");
        assertThat(browser.waitForText(".notice", "已认领线索")).contains("已认领线索");
        assertThat(browser.find("#tip-what").getText()).isEqualTo(TIP_TEXT);

        new Select(browser.find("#status")).selectByVisibleText("核查中");
        browser.click("#save-status");
        browser.waitForText(".notice", "状态已改为“核查中”");
        browser.type("#message", TIP_MESSAGE);
        browser.click("#send-message");
        browser.waitForText(".notice", "留言已发出");
        assertThat(browser.find("#tip-status").getText()).isEqualTo("核查中");
        assertThat(browser.find("#messages").getText()).contains(TIP_MESSAGE, "reviewer1");
        assertThat(browser.find("#history").getText()).contains("reviewer1", "给举报人留言");
        browser.screenshot("13-reviewer-tip-detail");
        browser.size(Browser.PHONE);
        browser.screenshot("14-reviewer-tip-on-phone");
        browser.size(Browser.LAPTOP);
        browser.logout();
    }

    @Test
    @Order(5)
    void theResidentSeesTheStatusAndTheMessageWithTheReceipt() {
        browser.size(Browser.PHONE);
        browser.open("/tip/status");
        browser.type("#receipt", receipt);
        browser.click("form button[type=submit]");
        String page = browser.find("main").getText();
        assertThat(page).contains("当前状态:核查中", TIP_MESSAGE, "工作人员留言");
        assertThat(page).doesNotContain("reviewer1");
        browser.screenshot("15-resident-sees-status-and-message");
        browser.size(Browser.LAPTOP);
    }

    @Test
    @Order(10)
    void anEditorAddsAnUnansweredQuestionToATopicAndTheSimulatorThenAnswersIt() {
        browser.open("/simulator");
        String fallback = ask(QUESTION);
        assertThat(fallback).doesNotContain(engine.topic(TOPIC).orElseThrow().answer().substring(0, 12));
        browser.screenshot("20-resident-asks-unanswered");

        browser.loginAs("editor1", EDITOR_PASSWORD);
        browser.open("/console/questions");
        browser.size(Browser.PHONE);
        questionRow(QUESTION);
        browser.screenshot("21-editor-unanswered-on-phone");
        browser.size(Browser.LAPTOP);
        WebElement row = questionRow(QUESTION);
        assertThat(row.findElement(By.cssSelector(".tag")).getText()).isEqualTo("兜底");
        new Select(row.findElement(By.cssSelector("select[name=topic]"))).selectByValue(TOPIC);
        browser.screenshot("22-editor-unanswered-questions");
        row.findElement(By.cssSelector("form.add-to-topic button")).click();
        String notice = browser.waitForText(".notice", "已加入话题");
        assertThat(notice).contains("现在回答:“" + engine.topic(TOPIC).orElseThrow().title() + "”");
        assertThat(browser.all(".question-row .question")).extracting(WebElement::getText).doesNotContain(QUESTION);
        browser.screenshot("23-editor-added-to-topic");

        browser.size(Browser.PHONE);
        browser.open("/console/answers/" + TOPIC);
        assertThat(browser.find("main").getText()).contains(QUESTION, "后台新增");
        browser.screenshot("24-editor-topic-on-phone");
        browser.size(Browser.LAPTOP);
        browser.logout();

        browser.open("/simulator");
        String answer = ask(QUESTION);
        assertThat(answer).contains(engine.topic(TOPIC).orElseThrow().answer().substring(0, 12));
        browser.screenshot("25-simulator-answers-now");
    }

    @Test
    @Order(11)
    void anEditorChecksTheCampaignCalendarAndDryRunsAReminder() {
        browser.loginAs("editor1", EDITOR_PASSWORD);
        browser.open("/console/campaigns");
        assertThat(browser.find("main").getText()).contains("农历");
        browser.screenshot("30-editor-campaign-calendar");
        browser.click(".send-link");
        browser.click("#dry-run");
        assertThat(browser.find("#dry-run-result").getText()).contains("群发", "客服消息");
        browser.screenshot("31-editor-campaign-dry-run");
        browser.logout();
    }

    @Test
    @Order(90)
    void theAdministratorSeesTheDaysNumbersAndWhoDidWhat() {
        browser.loginAs("admin", ADMIN_PASSWORD);
        browser.find("#chart-questions canvas");
        browser.find("#chart-topics canvas");
        assertThat(browser.find("#asked-total").getText()).isEqualTo("2");
        assertThat(browser.find("#open-tips").getText()).isEqualTo("1");
        browser.find("#chart-tips-category canvas");
        browser.screenshot("90-admin-dashboard");
        browser.size(Browser.PHONE);
        browser.open("/console");
        browser.find("#chart-questions canvas");
        browser.screenshot("91-admin-dashboard-on-phone");
        browser.size(Browser.LAPTOP);

        browser.open("/console/audit");
        String log = browser.find("#audit").getText();
        assertThat(log).contains("新建用户", "reviewer1", "未答问题加入话题", TOPIC, "editor1", "无权限的访问被拒绝", "登录",
                "认领线索", "查看线索", "设置线索状态", "给举报人留言");
        browser.screenshot("92-admin-audit-log");
        browser.logout();
    }

    /** Sends a question in the simulator and returns the bot's reply bubble. */
    private String ask(String question) {
        int before = browser.all(".row.bot .bubble").size();
        browser.type("#text", question);
        browser.click("#send");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> browser.all(".row.bot .bubble").size() > before);
        List<WebElement> bubbles = browser.all(".row.bot .bubble");
        return bubbles.get(bubbles.size() - 1).getText();
    }

    private WebElement questionRow(String question) {
        return browser.all(".question-row").stream()
                .filter(row -> row.findElement(By.cssSelector(".question")).getText().equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("not listed: " + question));
    }
}
