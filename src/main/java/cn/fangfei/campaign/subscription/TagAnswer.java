package cn.fangfei.campaign.subscription;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reply to the numbered interest list: "1 3", "1、3", "13", "一 三", or 0 for none. Each digit is
 * one choice, since there are at most nine tags.
 */
record TagAnswer(List<Integer> numbers) {
    private static final Pattern SHAPE = Pattern.compile("[0-9零一二三四五六七八九\\s,、;和及。.!]+");
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    /** Empty when the text is not made of numbers at all (then it is not an answer to the list). */
    static Optional<TagAnswer> parse(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFKC);
        if (folded.isEmpty() || !SHAPE.matcher(folded).matches()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (char c : folded.toCharArray()) {
            if (c >= '0' && c <= '9') {
                numbers.add(c - '0');
            } else if (CHINESE_DIGITS.indexOf(c) >= 0) {
                numbers.add(CHINESE_DIGITS.indexOf(c));
            }
        }
        return numbers.isEmpty() ? Optional.empty() : Optional.of(new TagAnswer(List.copyOf(numbers)));
    }

    /** "0" alone: the resident wants the general reminders only. */
    boolean none() {
        return numbers.equals(List.of(0));
    }

    /** Every number names a tag of the list (1-based) and 0 is not mixed with others. */
    boolean fits(int tagCount) {
        return none() || numbers.stream().allMatch(n -> n >= 1 && n <= tagCount);
    }

    /** The chosen positions, 0-based, without repeats, in the order given. */
    List<Integer> positions() {
        return numbers.stream().filter(n -> n > 0).distinct().map(n -> n - 1).toList();
    }
}
