package cn.fangfei.tip;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Tip ids such as {@code 20250614-7K3M9Q2DXA}: the day, then 50 random bits in Crockford's base32 (no
 * I, L, O, U), decided before anything is stored, so that a spooled tip keeps its id when replayed.
 * An id says nothing about who sent the tip; only a receipt code lets a resident in.
 */
@Component
public class TipIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_CHARS = 10;
    private static final Pattern FORMAT = Pattern.compile("[0-9]{8}-[0-9A-HJKMNP-TV-Z]{" + RANDOM_CHARS + "}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TipIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        StringBuilder id = new StringBuilder(LocalDate.now(clock).format(DAY)).append('-');
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static boolean isWellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
