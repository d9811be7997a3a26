package cn.fangfei.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The data key's settings were named after tips (FANGFEI_TIP_KEY ...) while tips were all it sealed. application.yml
 * still reads the former names when the new ones are unset, so a running deployment keeps its key across the
 * rename; this says which former names are still in use, so that start-up can ask for them to be renamed.
 */
final class FormerKeyNames {
    private static final SortedMap<String, String> NEW_NAMES = new TreeMap<>(Map.of(
            "FANGFEI_TIP_KEY", "FANGFEI_DATA_KEY",
            "FANGFEI_TIP_KEY_ID", "FANGFEI_DATA_KEY_ID",
            "FANGFEI_TIP_OLD_KEYS", "FANGFEI_DATA_OLD_KEYS"));

    private FormerKeyNames() {
    }

    /** One line naming each former name that is set and its new name; empty when none is set. */
    static Optional<String> renameRequest(PropertyResolver environment) {
        String renames = NEW_NAMES.entrySet().stream()
                .filter(names -> StringUtils.hasText(environment.getProperty(names.getKey())))
                .map(names -> names.getKey() + " to " + names.getValue())
                .collect(Collectors.joining(", "));
        return renames.isEmpty() ? Optional.empty()
                : Optional.of("Please rename " + renames + ": the key seals chat state and the replies kept for WeChat's "
                        + "retries as well as tips. The former names still work.");
    }
}
