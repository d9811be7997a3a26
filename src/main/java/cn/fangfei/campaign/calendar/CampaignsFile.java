package cn.fangfei.campaign.calendar;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fangfei.content.ContentException;
import cn.fangfei.content.YamlFile.Section;
import cn.fangfei.content.YamlFile;

/**
 * Reads and checks content/campaigns.yml. Every complaint names the line, and for a campaign its id
 * and the field, e.g. "第12行: 活动 consumer-rights-day 的 date.fixed: “02-30”不是有效的日期".
 */
final class CampaignsFile {
    static final String NAME = "campaigns.yml";

    /** Interest tags are picked by one digit each, so at most nine. */
    static final int MAX_TAGS = 9;
    static final int MAX_TEXT = 300;
    static final int MAX_OFFSET_BEFORE = 60;
    static final int MAX_OFFSET_AFTER = 30;
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    /** Placeholders filled when a message is sent; {lunar} only exists for lunar dates. */
    static final Set<String> PLACEHOLDERS = Set.of("title", "date", "start", "end", "lunar",
            "office.name", "office.phone", "office.address", "office.hours");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d{1,2})d");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern TEMPLATE_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    /** Seven or more digits in a row, or a dashed landline: a phone number, which belongs in configuration. */
    private static final Pattern PHONE = Pattern.compile("\\d{7,}|\\d{3,4}-\\d{7,8}");
    private static final Set<String> EVERYONE = Set.of("all", "全部", "所有人");

    private static final Set<String> TOP_FIELDS = Set.of("tags", "keywords", "campaigns");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("id", "title", "date", "reminders", "audience", "channels", "message");
    private static final Set<String> DATE_KINDS = Set.of("fixed", "month", "lunar", "lunar-month", "week-around");
    private static final Set<String> REMINDER_FIELDS = Set.of("offset", "time", "from", "channels", "text");
    private static final Set<String> MESSAGE_FIELDS = Set.of("text", "link", "template", "template-id");

    private CampaignsFile() {
    }

    static CalendarContent read(Path contentDir) {
        YamlFile file = YamlFile.read(contentDir.resolve(NAME));
        Section root = file.root();
        onlyKnownFields(root, TOP_FIELDS, "");
        List<InterestTag> tags = tags(root);
        Section keywords = root.section("keywords");
        onlyKnownFields(keywords, Set.of("subscribe", "unsubscribe"), "keywords.");
        Set<String> subscribe = keywords(keywords, "subscribe");
        Set<String> unsubscribe = keywords(keywords, "unsubscribe");
        for (String word : subscribe) {
            if (unsubscribe.contains(word)) {
                throw keywords.errorAt("unsubscribe", "“" + word + "”不能既是订阅又是退订的关键词");
            }
        }
        List<Campaign> campaigns = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section section : root.sections("campaigns")) {
            Campaign campaign = new CampaignReader(section, tags).read();
            if (!ids.add(campaign.id())) {
                throw section.errorAt("id", "活动 id “" + campaign.id() + "”重复了");
            }
            campaigns.add(campaign);
        }
        return new CalendarContent(tags, subscribe, unsubscribe, campaigns);
    }

    private static List<InterestTag> tags(Section root) {
        List<InterestTag> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Section item : root.sections("tags")) {
            onlyKnownFields(item, Set.of("id", "name"), "tags.");
            String id = item.string("id");
            String name = item.string("name");
            if (!ID.matcher(id).matches()) {
                throw item.errorAt("id", "标签 id “" + id + "”只能用小写字母、数字和-");
            }
            if (name.length() > 8) {
                throw item.errorAt("name", "标签名“" + name + "”太长,最多8个字");
            }
            if (id.equals("all") || !seen.add(id) || !seen.add("name:" + name)) {
                throw item.error("标签“" + name + "”(" + id + ")重复了或用了保留的 id all");
            }
            tags.add(new InterestTag(id, name));
        }
        if (tags.size() > MAX_TAGS) {
            throw root.errorAt("tags", "关心的内容最多" + MAX_TAGS + "个(居民用一位数字选择),现在有" + tags.size() + "个");
        }
        return tags;
    }

    private static Set<String> keywords(Section keywords, String key) {
        List<String> words = keywords.strings(key);
        if (words.isEmpty()) {
            throw keywords.errorAt(key, "keywords." + key + " 至少要有一个词");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String word : words) {
            out.add(ChatText.normalize(word));
        }
        return out;
    }

    private static void onlyKnownFields(Section section, Set<String> known, String prefix) {
        for (String key : section.keys()) {
            if (!known.contains(key)) {
                throw section.errorAt(key, "不认识的字段 " + prefix + key + ",可以用的有:" + String.join("、", known.stream().sorted().toList()));
            }
        }
    }

    /** One campaign; every problem is reported with the campaign's id. */
    private static final class CampaignReader {
        private final Section section;
        private final List<InterestTag> tags;
        private String id = "?";

        CampaignReader(Section section, List<InterestTag> tags) {
            this.section = section;
            this.tags = tags;
        }

        Campaign read() {
            try {
                id = section.string("id");
                if (!ID.matcher(id).matches()) {
                    throw section.errorAt("id", "活动 id “" + id + "”只能用小写字母、数字和-");
                }
                onlyKnownFields(section, CAMPAIGN_FIELDS, "");
                String title = section.string("title");
                DateRule rule = dateRule(section.section("date"));
                List<String> audience = audience();
                List<Channel> channels = channels(section, "channels");
                CampaignMessage message = message(section.section("message"), rule);
                List<Reminder> reminders = reminders(rule);
                checkChannels(section, "channels", channels, audience, message);
                for (int i = 0; i < reminders.size(); i++) {
                    Reminder reminder = reminders.get(i);
                    if (!reminder.channels().isEmpty()) {
                        checkChannels(section.sections("reminders").get(i), "channels", reminder.channels(), audience, message);
                    }
                }
                return new Campaign(id, title, rule, reminders, audience, channels, message);
            } catch (ContentException e) {
                if (e.problem().startsWith("活动 ")) {
                    throw e;
                }
                throw new ContentException(e.file(), e.line(), "活动 " + id + ": " + e.problem());
            }
        }

        private DateRule dateRule(Section date) {
            List<String> kinds = date.keys().stream().filter(DATE_KINDS::contains).toList();
            if (kinds.size() != 1) {
                throw problem(date, null, "date", "要写且只写一种日期:fixed(公历某天)、month(公历整月)、lunar(农历某天)、"
                        + "lunar-month(农历整月)或 week-around(某天前后一周)");
            }
            String kind = kinds.get(0);
            boolean hasHighlight = kind.equals("month") || kind.equals("lunar-month");
            onlyKnownFields(date, hasHighlight ? Set.of(kind, "highlight") : Set.of(kind), "date.");
            return switch (kind) {
                case "fixed" -> new DateRule.FixedDay(everyYearDay(date, "fixed"));
                case "week-around" -> new DateRule.WeekAround(everyYearDay(date, "week-around"));
                case "month" -> {
                    int month = number(date, "month", 1, 12);
                    MonthDay highlight = date.has("highlight") ? everyYearDay(date, "highlight") : null;
                    if (highlight != null && highlight.getMonthValue() != month) {
                        throw problem(date, "highlight", "date.highlight", "重点日应在" + month + "月内");
                    }
                    yield new DateRule.CampaignMonth(month, highlight);
                }
                case "lunar" -> {
                    int[] monthDay = lunarMonthDay(date, "lunar");
                    yield new DateRule.LunarDate(monthDay[0], monthDay[1]);
                }
                default -> {
                    int month = number(date, "lunar-month", 1, 12);
                    int highlightDay = 1;
                    if (date.has("highlight")) {
                        int[] highlight = lunarMonthDay(date, "highlight");
                        if (highlight[0] != month) {
                            throw problem(date, "highlight", "date.highlight", "重点日应在农历" + month + "月内");
                        }
                        highlightDay = highlight[1];
                    }
                    yield new DateRule.LunarMonth(month, highlightDay);
                }
            };
        }

        private MonthDay everyYearDay(Section date, String key) {
            String text = date.string(key);
            Matcher matcher = MONTH_DAY.matcher(text);
            if (!matcher.matches()) {
                throw problem(date, key, "date." + key, "“" + text + "”应写成 月-日,例如 03-15");
            }
            MonthDay day;
            try {
                day = MonthDay.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            } catch (DateTimeException e) {
                throw problem(date, key, "date." + key, "“" + text + "”不是有效的日期");
            }
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 29) {
                throw problem(date, key, "date." + key, "2月29日不是每年都有,请换一天");
            }
            return day;
        }

        private int[] lunarMonthDay(Section date, String key) {
            String text = date.string(key);
            Matcher matcher = MONTH_DAY.matcher(text);
            if (!matcher.matches()) {
                throw problem(date, key, "date." + key, "“" + text + "”应写成 农历月-日,例如 09-09");
            }
            int month = Integer.parseInt(matcher.group(1));
            int day = Integer.parseInt(matcher.group(2));
            if (month < 1 || month > 12 || day < 1 || day > 30) {
                throw problem(date, key, "date." + key, "“" + text + "”不是有效的农历日期(月 1-12,日 1-30)");
            }
            return new int[] {month, day};
        }

        private int number(Section section, String key, int min, int max) {
            String text = section.string(key);
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the allowed range
            }
            throw problem(section, key, "date." + key, "“" + text + "”应是 " + min + " 到 " + max + " 的数字");
        }

        private List<String> audience() {
            List<String> given = section.oneOrMore("audience");
            if (given.size() == 1 && EVERYONE.contains(given.get(0))) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            for (String name : given) {
                String tagId = tags.stream().filter(t -> t.name().equals(name) || t.id().equals(name))
                        .map(InterestTag::id).findFirst()
                        .orElseThrow(() -> problem(section, "audience", "audience", "“" + name + "”不是 tags 里的标签,"
                                + "可以写 all(全部订阅者)或:" + String.join("、", tags.stream().map(InterestTag::name).toList())));
                if (!ids.contains(tagId)) {
                    ids.add(tagId);
                }
            }
            return ids;
        }

        private List<Channel> channels(Section owner, String key) {
            List<Channel> channels = new ArrayList<>();
            for (String name : owner.oneOrMore(key)) {
                Channel channel = Channel.parse(name).orElseThrow(() -> problem(owner, key, key,
                        "渠道“" + name + "”不认识,可以用 mass(群发)、template(模板消息)、customer-service(客服消息)"));
                if (channels.contains(channel)) {
                    throw problem(owner, key, key, "渠道“" + name + "”写了两次");
                }
                channels.add(channel);
            }
            return channels;
        }

        private void checkChannels(Section owner, String key, List<Channel> channels, List<String> audience,
                CampaignMessage message) {
            if (channels.contains(Channel.MASS) && audience.size() > 1) {
                throw problem(owner, key, key, "群发(mass)一次只能发给一个标签或全部订阅者,"
                        + "而 audience 有" + audience.size() + "个标签;请只留一个,或去掉 mass");
            }
            if (channels.contains(Channel.TEMPLATE) && message.templateData().isEmpty()) {
                throw problem(owner, key, key, "用模板消息(template)时,message 里要写 template 的各个字段");
            }
        }

        private CampaignMessage message(Section message, DateRule rule) {
            onlyKnownFields(message, MESSAGE_FIELDS, "message.");
            String text = text(message, "text", "message.text", rule);
            String link = null;
            if (message.has("link")) {
                link = message.string("link");
                if (!link.startsWith("/") && !link.startsWith("https://") && !link.startsWith("http://")) {
                    throw problem(message, "link", "message.link", "链接应是本站路径(如 /faq/key-dates)或以 https:// 开头的网址");
                }
            }
            String templateId = message.has("template-id") ? message.string("template-id") : null;
            Map<String, String> template = new LinkedHashMap<>();
            if (message.has("template")) {
                Section fields = message.section("template");
                for (Map.Entry<String, String> field : fields.stringTable().entrySet()) {
                    if (!TEMPLATE_FIELD.matcher(field.getKey()).matches()) {
                        throw problem(fields, field.getKey(), "message.template", "模板字段名“" + field.getKey() + "”应是模板里的英文字段名,如 thing1");
                    }
                    checkWording(fields, field.getKey(), "message.template." + field.getKey(), field.getValue(), rule);
                    template.put(field.getKey(), field.getValue());
                }
            }
            return new CampaignMessage(text, link, templateId, template);
        }

        private List<Reminder> reminders(DateRule rule) {
            List<Section> items = section.sections("reminders");
            if (items.isEmpty()) {
                throw problem(section, "reminders", "reminders", "至少要有一个提醒");
            }
            List<Reminder> reminders = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Section item : items) {
                onlyKnownFields(item, REMINDER_FIELDS, "reminders.");
                int offset = offset(item);
                LocalTime time = item.has("time") ? time(item) : DEFAULT_TIME;
                Reminder.Anchor anchor = anchor(item);
                List<Channel> channels = item.has("channels") ? channels(item, "channels") : List.of();
                String text = item.has("text") ? text(item, "text", "reminders.text", rule) : null;
                Reminder reminder = new Reminder(anchor, offset, time, channels, text);
                if (!keys.add(reminder.key())) {
                    throw problem(item, "offset", "reminders.offset", "同一天(" + reminder.key() + ")的提醒写了两次");
                }
                reminders.add(reminder);
            }
            return reminders;
        }

        private int offset(Section item) {
            String text = item.string("offset");
            Matcher matcher = OFFSET.matcher(text);
            if (!matcher.matches()) {
                throw problem(item, "offset", "reminders.offset", "“" + text + "”应写成天数,如 -7d(提前7天)、0d(当天)");
            }
            int days = Integer.parseInt(matcher.group(2)) * (matcher.group(1).equals("-") ? -1 : 1);
            if (days < -MAX_OFFSET_BEFORE || days > MAX_OFFSET_AFTER) {
                throw problem(item, "offset", "reminders.offset", "最多提前" + MAX_OFFSET_BEFORE + "天、推后" + MAX_OFFSET_AFTER + "天");
            }
            return days;
        }

        private LocalTime time(Section item) {
            String text = item.string("time");
            Matcher matcher = TIME.matcher(text);
            if (matcher.matches()) {
                int hour = Integer.parseInt(matcher.group(1));
                int minute = Integer.parseInt(matcher.group(2));
                if (hour < 24 && minute < 60) {
                    return LocalTime.of(hour, minute);
                }
            }
            throw problem(item, "time", "reminders.time", "“" + text + "”应写成 时:分,如 09:00");
        }

        private Reminder.Anchor anchor(Section item) {
            if (!item.has("from")) {
                return Reminder.Anchor.DAY;
            }
            String text = item.string("from");
            for (Reminder.Anchor anchor : Reminder.Anchor.values()) {
                if (anchor.id().equals(text)) {
                    return anchor;
                }
            }
            throw problem(item, "from", "reminders.from", "“" + text + "”应是 start(活动开始)、day(重点日)或 end(活动结束)");
        }

        private String text(Section owner, String key, String field, DateRule rule) {
            String text = owner.string(key);
            if (text.length() > MAX_TEXT) {
                throw problem(owner, key, field, "太长了(" + text.length() + "字),提醒请写在" + MAX_TEXT + "字以内,详细内容放在 link 里");
            }
            checkWording(owner, key, field, text, rule);
            return text;
        }

        private void checkWording(Section owner, String key, String field, String text, DateRule rule) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String name = placeholder.group(1);
                if (!PLACEHOLDERS.contains(name)) {
                    throw problem(owner, key, field, "不认识占位符 {" + name + "},可以用:{title} {date} {start} {end} {lunar} {office.name} {office.phone} {office.address} {office.hours}");
                }
                if (name.equals("lunar") && !rule.isLunar()) {
                    throw problem(owner, key, field, "{lunar} 只能用在农历日期的活动里");
                }
            }
            if (PHONE.matcher(text).find()) {
                throw problem(owner, key, field, "不要在提醒里直接写电话号码,请写 {office.phone},由配置填入");
            }
        }

        private ContentException problem(Section owner, String key, String field, String problem) {
            String message = "活动 " + id + " 的 " + field + ": " + problem;
            return key == null ? owner.error(message) : owner.errorAt(key, message);
        }
    }
}
