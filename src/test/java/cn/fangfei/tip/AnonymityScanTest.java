package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import cn.fangfei.content.Replies;
import cn.fangfei.support.RedisProcess;
import cn.fangfei.wechat.InboundMessages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.Tuple;

/**
 * The anonymity promise against whoever holds a copy of Redis (a dump, the AOF, a backup) but not the
 * data key: a subscribed resident asks questions, sends a tip-off in the chat and follows it up, and
 * then nothing in Redis, nor in the AOF, which keeps every write ever made, names the resident or dates
 * anything to within a minute of the tip. The openid may only stand in the sets a sender needs to reach
 * subscribers, and those hold no time. Numbers that end on a whole minute are allowed: they are the
 * expiries and scores rounded on purpose (see CoarseExpiry), which date a write to its minute only.
 */
@DirtiesContext
class AnonymityScanTest extends TipAppTest {
    private static final Path AOF_DIR = tempDir();
    private static final RedisProcess AOF_REDIS = RedisProcess.persistentServer(AOF_DIR).start();

    /** Where a subscriber's openid has to be, in clear, for reminders to reach them; none of these holds a time. */
    private static final List<Pattern> OPENID_KEYS = Stream.of("ff:campaign:subscribers", "ff:campaign:tag:[a-z-]+",
            "ff:campaign:wx:dirty", "ff:campaign:subscriber:.+", "ff:campaign:wx:tags:.+").map(Pattern::compile).toList();

    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])([0-9]{13}|[0-9]{10})(?![0-9])");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)");
    private static final long MINUTE = 60_000;
    /** Redis adds its own clock to a relative TTL: a key set to expire on a whole minute lands this little after it. */
    private static final long REDIS_LAG = 2_000;

    @Autowired
    Replies replies;

    @DynamicPropertySource
    static void redisWithAof(DynamicPropertyRegistry registry) {
        registry.add("fangfei.redis.url", () -> "redis://127.0.0.1:" + AOF_REDIS.port() + "/0");
    }

    @AfterAll
    static void stopRedis() throws IOException {
        AOF_REDIS.stop();
        FileSystemUtils.deleteRecursively(AOF_DIR);
    }

    @Test
    void neitherTheDataNorTheAofLinksTheTipToTheResidentOrDatesIt() {
        try (Jedis jedis = new Jedis("127.0.0.1", AOF_REDIS.port())) {
            jedis.configSet("appendfsync", "always");
        }
        String openid = InboundMessages.newOpenid();
        say(openid, "订阅提醒");
        say(openid, "1");
        say(openid, "什么是非法集资");
        say(openid, "以房养老是骗局吗");
        say(openid, "举报");
        say(openid, "1");
        say(openid, "有人在村委会门口推销养老公寓床位,说年息百分之十五保本");
        say(openid, "红星村村委会门口");
        say(openid, "好了");
        say(openid, "匿名");
        long tipFrom = System.currentTimeMillis();
        String receipt = RedisContents.receiptIn(say(openid, "提交"));
        long tipTo = System.currentTimeMillis();
        say(openid, "查询 " + receipt);
        assertThat(say(openid, "推销的人开一辆白色面包车")).isEqualTo(replies.text("tip-followup-added"));
        say(openid, "完成");
        say(openid, "怎么识别非法集资");

        List<String> secrets = openidForms(openid);
        List<String> findings = new ArrayList<>();
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.sismember("ff:campaign:subscribers", openid)).as("the resident is subscribed").isTrue();
            assertThat(jedis.xlen(TipKeys.STREAM)).as("the tip is queued").isEqualTo(1);
            for (String key : RedisContents.keys(redis, "*")) {
                String text = key + "\n" + valueOf(jedis, key);
                boolean mayNameResident = OPENID_KEYS.stream().anyMatch(allowed -> allowed.matcher(key).matches());
                secrets.stream().filter(secret -> !mayNameResident || !secret.equals(openid))
                        .filter(text::contains).forEach(secret -> findings.add("key " + key + " holds " + secret));
                if (mayNameResident) {
                    NUMBER.matcher(text).results().forEach(m -> findings.add("key " + key + " holds a number " + m.group()));
                }
                timesNear(text, tipFrom, tipTo).forEach(time -> findings.add("key " + key + " holds " + time));
            }
        }
        for (String command : aofCommands()) {
            boolean onResidentKey = OPENID_KEYS.stream().anyMatch(allowed -> command.lines().skip(1).findFirst()
                    .map(key -> allowed.matcher(key).matches()).orElse(false));
            secrets.stream().filter(secret -> !onResidentKey || !secret.equals(openid)).filter(command::contains)
                    .forEach(secret -> findings.add("AOF command " + oneLine(command) + " holds " + secret));
            timesNear(command, tipFrom, tipTo).forEach(time -> findings.add("AOF command " + oneLine(command) + " holds " + time));
        }

        assertThat(findings).isEmpty();
    }

    private String say(String openid, String text) {
        return wechat().postSafe(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }

    /** The openid and the plain hashes someone might have stored instead of it. */
    private static List<String> openidForms(String openid) {
        List<String> forms = new ArrayList<>(List.of(openid));
        for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
            try {
                String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                        .digest(openid.getBytes(StandardCharsets.UTF_8)));
                forms.add(hex);
                forms.add(hex.toUpperCase(Locale.ROOT));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return forms;
    }

    /** Every value of a key as text, with zset scores, stream entry ids and the key's expiry time. */
    private static String valueOf(Jedis jedis, String key) {
        StringBuilder out = new StringBuilder();
        switch (jedis.type(key)) {
            case "string" -> out.append(jedis.get(key.getBytes(StandardCharsets.UTF_8)) == null ? ""
                    : new String(jedis.get(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1));
            case "hash" -> jedis.hgetAll(key).forEach((field, value) -> out.append(field).append('=').append(value).append('\n'));
            case "list" -> jedis.lrange(key.getBytes(StandardCharsets.UTF_8), 0, -1)
                    .forEach(value -> out.append(new String(value, StandardCharsets.ISO_8859_1)).append('\n'));
            case "set" -> jedis.smembers(key).forEach(member -> out.append(member).append('\n'));
            case "zset" -> jedis.zrangeWithScores(key, 0, -1).forEach(tuple -> out.append(tuple.getElement())
                    .append(' ').append(score(tuple)).append('\n'));
            case "stream" -> {
                for (StreamEntry entry : jedis.xrange(key, (StreamEntryID) null, (StreamEntryID) null)) {
                    out.append(entry.getID()).append(' ').append(entry.getFields()).append('\n');
                }
            }
            default -> out.append("(type ").append(jedis.type(key)).append(")\n");
        }
        long expiresAt = jedis.pexpireTime(key);
        if (expiresAt > 0) {
            out.append("expires ").append(expiresAt).append('\n');
        }
        return out.toString();
    }

    private static String score(Tuple tuple) {
        double score = tuple.getScore();
        return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
    }

    /**
     * Numbers that read as epoch milliseconds or seconds, and date-time texts (in the office's zone or
     * UTC), within a minute of the tip; numbers on a whole minute (expiries and scores rounded on
     * purpose) excepted.
     */
    private static List<String> timesNear(String text, long from, long to) {
        List<String> near = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            long millis = number.group().length() == 13 ? Long.parseLong(number.group()) : Long.parseLong(number.group()) * 1000;
            boolean wholeMinute = millis % MINUTE < REDIS_LAG;
            if (millis > from - MINUTE && millis < to + MINUTE && !wholeMinute) {
                near.add("the time " + number.group());
            }
        }
        Matcher dateTime = DATE_TIME.matcher(text);
        while (dateTime.find()) {
            String time = dateTime.group(2).length() == 5 ? dateTime.group(2) + ":00" : dateTime.group(2);
            LocalDateTime local = LocalDateTime.parse(dateTime.group(1) + "T" + time, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            for (ZoneId zone : Set.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"))) {
                long millis = local.atZone(zone).toInstant().toEpochMilli();
                if (millis > from - 2 * MINUTE && millis < to + MINUTE) {
                    near.add("the date-time " + dateTime.group());
                }
            }
        }
        return near;
    }

    /** The AOF's commands (RESP arrays), each as its arguments one per line, from every file of the AOF directory. */
    private static List<String> aofCommands() {
        List<String> commands = new ArrayList<>();
        try (Stream<Path> files = Files.walk(AOF_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (!file.getFileName().toString().endsWith(".aof")) {
                    continue;
                }
                StringBuilder command = new StringBuilder();
                for (String line : content.split("\r\n")) {
                    if (line.startsWith("*")) {
                        if (command.length() > 0) {
                            commands.add(command.toString());
                        }
                        command.setLength(0);
                    } else if (!line.startsWith("$")) {
                        command.append(line).append('\n');
                    }
                }
                if (command.length() > 0) {
                    commands.add(command.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(commands).as("the AOF was read").anyMatch(command -> command.startsWith("XADD") || command.startsWith("xadd"));
        return commands;
    }

    private static String oneLine(String command) {
        String line = command.replace('\n', ' ').strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fangfei-aof-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
