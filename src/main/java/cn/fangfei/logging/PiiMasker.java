package cn.fangfei.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers in a log line: Chinese mobile and landline numbers, 18-digit resident ID
 * numbers (only those whose check digit is right, so order numbers pass) and bank card numbers (only
 * those passing the Luhn check). The last four characters stay, which is enough to match a line to a
 * case without exposing the person.
 */
public final class PiiMasker {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<!\\d)\\d{16,19}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private PiiMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID_NUMBER, text, PiiMasker::isIdNumber);
        out = replace(CARD_NUMBER, out, PiiMasker::passesLuhn);
        out = replace(MOBILE, out, number -> true);
        return replace(LANDLINE, out, number -> true);
    }

    private interface Check {
        boolean applies(String candidate);
    }

    private static String replace(Pattern pattern, String text, Check check) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String found = matcher.group();
            String replacement = check.applies(found) ? hideAllButLastFour(found) : found;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String hideAllButLastFour(String number) {
        return "*".repeat(Math.max(0, number.length() - 4)) + number.substring(Math.max(0, number.length() - 4));
    }

    static boolean isIdNumber(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
