package cn.fangfei.config;

/**
 * Whether the app runs against the built-in simulator instead of a real WeChat account. Decided once at start-up
 * from {@code fangfei.simulator.enabled} and whether the account's credentials are set; every package that behaves
 * differently on a laptop reads this bean instead of deciding again.
 */
public record RunMode(boolean simulator) {

    public static RunMode of(SimulatorProperties settings, boolean hasCredentials) {
        return new RunMode(switch (settings.enabled()) {
            case "true" -> true;
            case "false" -> false;
            default -> !hasCredentials;
        });
    }
}
