package cn.fangfei.tip;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One tip as stored: state in the clear, the resident's words still sealed (open them with
 * {@link TipTexts}).
 */
public record TipRecord(String id, TipStatus status, Optional<RiskLevel> risk, String category, Channel channel,
        Instant created, Optional<Instant> closed, Optional<String> assignee, String entry, int files,
        Optional<Instant> escalated, boolean dead, boolean unread, String sealedWhat, String sealedWhere,
        String sealedContact) {

    public boolean isClosed() {
        return closed.isPresent();
    }

    public String riskLabel() {
        return risk.map(RiskLevel::label).orElse(RiskLevel.UNASSESSED);
    }

    static TipRecord fromHash(Map<String, String> hash) {
        return new TipRecord(
                hash.get("id"),
                TipStatus.fromLabel(hash.get("status")).orElse(TipStatus.RECEIVED),
                RiskLevel.fromLabel(hash.getOrDefault("risk", "")),
                hash.get("category"),
                Channel.valueOf(hash.getOrDefault("channel", Channel.WEB.name())),
                Instant.ofEpochMilli(Long.parseLong(hash.get("created"))),
                instant(hash.get("closed")),
                Optional.ofNullable(hash.get("assignee")).filter(a -> !a.isEmpty()),
                hash.getOrDefault("entry", ""),
                Integer.parseInt(hash.getOrDefault("files", "0")),
                instant(hash.get("escalated")),
                "1".equals(hash.get("dead")),
                "1".equals(hash.get("unread")),
                hash.getOrDefault("what", ""),
                hash.getOrDefault("where", ""),
                hash.getOrDefault("contact", ""));
    }

    private static Optional<Instant> instant(String millis) {
        return millis == null || millis.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
    }
}
