package cn.fangfei.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.Pool;

/** Staff accounts in Redis, shared by every instance; passwords only as bcrypt hashes. */
@Component
public class StaffAccounts {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,32}");
    static final int MIN_PASSWORD = 10;
    /** bcrypt reads only the first 72 bytes: a longer password would be partly ignored. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Pool<Jedis> redis;
    private final PasswordEncoder encoder;

    public StaffAccounts(Pool<Jedis> redis, PasswordEncoder encoder) {
        this.redis = redis;
        this.encoder = encoder;
    }

    public Optional<StaffAccount> find(String username) {
        try (Jedis jedis = redis.getResource()) {
            Map<String, String> fields = jedis.hgetAll(SecurityKeys.user(username));
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StaffAccount(username, fields.get("hash"), parseRoles(fields.get("roles")),
                    Boolean.parseBoolean(fields.get("enabled"))));
        }
    }

    public List<StaffAccount> all() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.smembers(SecurityKeys.USERS).stream().sorted().map(this::find)
                    .flatMap(Optional::stream).toList();
        }
    }

    /** Creates or replaces an account. Throws {@link IllegalArgumentException} with a message for office staff. */
    public StaffAccount save(String username, String rawPassword, Set<StaffRole> roles) {
        StaffAccount account = newAccount(username, rawPassword, roles);
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            write(tx, account);
            tx.exec();
        }
        return account;
    }

    /** Creates an account; refuses a username that is taken, even by a disabled account. */
    public StaffAccount create(String username, String rawPassword, Set<StaffRole> roles) {
        StaffAccount account = newAccount(username, rawPassword, roles);
        try (Jedis jedis = redis.getResource()) {
            jedis.watch(SecurityKeys.user(username));
            if (jedis.exists(SecurityKeys.user(username))) {
                jedis.unwatch();
                throw new IllegalArgumentException("用户名 " + username + " 已经存在");
            }
            Transaction tx = jedis.multi();
            write(tx, account);
            if (tx.exec() == null) {
                throw new IllegalArgumentException("用户名 " + username + " 已经存在");
            }
        }
        return account;
    }

    /** Checks the input as {@link #save} and {@link #create} both need it; the password is hashed here. */
    private StaffAccount newAccount(String username, String rawPassword, Set<StaffRole> roles) {
        checkUsername(username);
        checkPassword(rawPassword);
        checkRoles(roles);
        return new StaffAccount(username, encoder.encode(rawPassword), roles, true);
    }

    private static void write(Transaction tx, StaffAccount account) {
        tx.hset(SecurityKeys.user(account.username()), Map.of(
                "hash", account.passwordHash(),
                "roles", joined(account.roles()),
                "enabled", Boolean.toString(account.enabled())));
        tx.sadd(SecurityKeys.USERS, account.username());
    }

    public void setRoles(String username, Set<StaffRole> roles) {
        checkRoles(roles);
        update(username, "roles", joined(roles));
    }

    public void setPassword(String username, String rawPassword) {
        checkPassword(rawPassword);
        update(username, "hash", encoder.encode(rawPassword));
    }

    public void setEnabled(String username, boolean enabled) {
        update(username, "enabled", Boolean.toString(enabled));
    }

    /** Changes one field of an existing account, atomically with the check that it exists. */
    private void update(String username, String field, String value) {
        try (Jedis jedis = redis.getResource()) {
            jedis.watch(SecurityKeys.user(username));
            if (!jedis.exists(SecurityKeys.user(username))) {
                jedis.unwatch();
                throw new IllegalArgumentException("没有用户 " + username);
            }
            Transaction tx = jedis.multi();
            tx.hset(SecurityKeys.user(username), field, value);
            if (tx.exec() == null) {
                throw new IllegalArgumentException("用户 " + username + " 正被同时修改,请刷新后再试");
            }
        }
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名须为2到32位字母、数字、点、下划线或连字符");
        }
    }

    private static void checkPassword(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少需要" + MIN_PASSWORD + "位");
        }
        if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("密码太长:最多" + MAX_PASSWORD_BYTES + "个英文字母或数字(汉字每个算3个)");
        }
    }

    private static void checkRoles(Set<StaffRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("请至少选择一个角色");
        }
    }

    private static String joined(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<StaffRole> parseRoles(String roles) {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        EnumSet<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        Arrays.stream(roles.split(",")).map(StaffRole::valueOf).forEach(out::add);
        return out;
    }
}
