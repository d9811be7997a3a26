package cn.fangfei.tip.review;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.fangfei.tip.Channel;
import cn.fangfei.tip.Ledger;
import cn.fangfei.tip.RiskLevel;
import cn.fangfei.tip.TipCategories;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipStatus;

/**
 * The monthly ledger (台账) as CSV, for the report to the province: tips received by category and
 * channel, tips closed by verdict, risk, category and time taken, escalations to the city, alerts;
 * and, as of the export, the tips still open. UTF-8 with a byte-order mark, so that Excel shows the
 * Chinese correctly.
 */
@Component
class LedgerCsv {
    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Ledger ledger;
    private final TipCategories categories;
    private final TipLists lists;
    private final Clock clock;

    LedgerCsv(Ledger ledger, TipCategories categories, TipLists lists, Clock clock) {
        this.ledger = ledger;
        this.categories = categories;
        this.lists = lists;
        this.clock = clock;
    }

    String export(YearMonth month) {
        Map<String, Long> counts = ledger.counters(month);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"台账月份", month.toString(), ""});
        rows.add(new String[] {"导出时间", EXPORTED.format(ZonedDateTime.now(clock)), ""});
        rows.add(new String[] {"项目", "分类", "数量"});

        rows.add(row("受理线索", "合计", counts.getOrDefault(Ledger.RECEIVED, 0L)));
        for (String category : withCounted(categories.all(), counts, "received:category:")) {
            rows.add(row("受理线索", "类别:" + category, counts.getOrDefault("received:category:" + category, 0L)));
        }
        for (Channel channel : Channel.values()) {
            rows.add(row("受理线索", "来源:" + channel.label(), counts.getOrDefault("received:channel:" + channel.label(), 0L)));
        }

        long closed = counts.getOrDefault(Ledger.CLOSED, 0L);
        rows.add(row("办结线索", "合计", closed));
        for (TipStatus status : TipStatus.values()) {
            if (status.isVerdict()) {
                rows.add(row("办结线索", "结论:" + status.label(), counts.getOrDefault("closed:status:" + status.label(), 0L)));
            }
        }
        List<String> risks = new ArrayList<>();
        for (RiskLevel risk : RiskLevel.values()) {
            risks.add(risk.label());
        }
        risks.add(RiskLevel.UNASSESSED);
        for (String risk : risks) {
            rows.add(row("办结线索", "风险等级:" + risk, counts.getOrDefault("closed:risk:" + risk, 0L)));
        }
        for (String category : withCounted(categories.all(), counts, "closed:category:")) {
            rows.add(row("办结线索", "类别:" + category, counts.getOrDefault("closed:category:" + category, 0L)));
        }
        for (String bucket : Ledger.DAY_BUCKETS) {
            rows.add(row("办结线索", "办理用时:" + bucket, counts.getOrDefault("closed:days:" + bucket, 0L)));
        }
        double average = closed == 0 ? 0 : (double) counts.getOrDefault(Ledger.CLOSE_DAYS_SUM, 0L) / closed;
        rows.add(new String[] {"办结线索", "平均办理天数", String.format(Locale.ROOT, "%.1f", average)});

        rows.add(row("上报市处非办", "合计", counts.getOrDefault(Ledger.ESCALATED, 0L)));
        rows.add(row("多次认领未办结(死信告警)", "合计", counts.getOrDefault(Ledger.DEAD_LETTER, 0L)));

        List<TipRecord> open = lists.open();
        rows.add(row("导出时在办", "合计", open.size()));
        for (TipStatus status : TipStatus.values()) {
            if (!status.isVerdict()) {
                rows.add(row("导出时在办", "状态:" + status.label(), open.stream().filter(t -> t.status() == status).count()));
            }
        }
        rows.add(row("导出时在办", "超过办理时限(" + lists.slaDescription() + ")", lists.overdue(clock.instant()).size()));

        StringBuilder csv = new StringBuilder("\uFEFF");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row[i]));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** The configured categories first, then any others the month counted (renamed or removed since). */
    private static Set<String> withCounted(List<String> configured, Map<String, Long> counts, String prefix) {
        Set<String> all = new LinkedHashSet<>(configured);
        counts.keySet().stream().filter(field -> field.startsWith(prefix)).map(field -> field.substring(prefix.length()))
                .sorted().forEach(all::add);
        return all;
    }

    private static String[] row(String item, String kind, long count) {
        return new String[] {item, kind, Long.toString(count)};
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
