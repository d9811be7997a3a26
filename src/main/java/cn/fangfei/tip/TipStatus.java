package cn.fangfei.tip;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a tip stands, as the office and the tipster both read it. The last three are verdicts: they
 * close the tip (the queue entry is acknowledged) and count in the ledger of the month they happen.
 */
public enum TipStatus {
    RECEIVED("已受理", false),
    CHECKING("核查中", false),
    NEEDS_INFO("需补充材料", false),
    TO_POLICE("已移交公安", true),
    DONE("已办结", true),
    REJECTED("不予受理", true);

    private final String label;
    private final boolean verdict;

    TipStatus(String label, boolean verdict) {
        this.label = label;
        this.verdict = verdict;
    }

    public String label() {
        return label;
    }

    public boolean isVerdict() {
        return verdict;
    }

    public static Optional<TipStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
