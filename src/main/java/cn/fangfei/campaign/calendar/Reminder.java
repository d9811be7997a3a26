package cn.fangfei.campaign.calendar;

import java.time.LocalTime;
import java.util.List;

/**
 * One reminder of a campaign: so many days before or after one of its dates, at a time of day.
 *
 * @param channels overrides the campaign's channels for this reminder when not empty
 * @param text     overrides the campaign's text for this reminder when not null
 */
public record Reminder(Anchor anchor, int offsetDays, LocalTime time, List<Channel> channels, String text) {
    public enum Anchor {
        /** The first day of the campaign's period. */
        START("start", "开始"),
        /** The campaign's main day. */
        DAY("day", ""),
        /** The last day of the campaign's period. */
        END("end", "结束");

        private final String id;
        private final String label;

        Anchor(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        String label() {
            return label;
        }
    }

    public Reminder {
        channels = List.copyOf(channels);
    }

    /** Unique within a campaign and part of the send id: "day-7d", "start+0d". */
    public String key() {
        return anchor.id + (offsetDays < 0 ? "-" : "+") + Math.abs(offsetDays) + "d";
    }

    /** For office staff: 提前7天, 当天, 开始当天, 结束后1天. */
    public String describe() {
        String prefix = anchor.label();
        if (offsetDays == 0) {
            return prefix + "当天";
        }
        if (anchor == Anchor.DAY) {
            return (offsetDays < 0 ? "提前" : "过后") + Math.abs(offsetDays) + "天";
        }
        return prefix + (offsetDays < 0 ? "前" : "后") + Math.abs(offsetDays) + "天";
    }
}
