package cn.fangfei.tip;

import java.util.Arrays;
import java.util.Optional;

/** The office's assessment of a tip. High-risk leads go to the city office (市处非办) for joint handling. */
public enum RiskLevel {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    /** How the ledger and the API show a tip nobody has assessed yet. */
    public static final String UNASSESSED = "未评估";

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RiskLevel> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
