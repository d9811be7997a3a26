package cn.fangfei.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.FaqEntry;
import cn.fangfei.faq.QuestionStats;
import cn.fangfei.faq.UnansweredLog;
import cn.fangfei.tip.Ledger;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipRecord;

/** The first page after login: the numbers of the office's work, as charts (drawn by ECharts from the JSON). */
@Controller
@ConsolePage
class DashboardController {
    static final int DAYS = 30;
    static final int TOP_TOPICS = 10;
    static final int SUBSCRIBER_DAYS = 90;
    static final String TODAY = "今天";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final QuestionStats questions;
    private final UnansweredLog unanswered;
    private final AnswerEngine engine;
    private final SubscriberHistory subscribers;
    private final TipLists tips;
    private final Clock clock;

    DashboardController(QuestionStats questions, UnansweredLog unanswered, AnswerEngine engine,
                        SubscriberHistory subscribers, TipLists tips, Clock clock) {
        this.questions = questions;
        this.unanswered = unanswered;
        this.engine = engine;
        this.subscribers = subscribers;
        this.tips = tips;
        this.clock = clock;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        List<QuestionStats.Day> days = questions.lastDays(DAYS);
        model.addAttribute("asked", days.stream().mapToLong(QuestionStats.Day::asked).sum());
        model.addAttribute("fallback", days.stream().mapToLong(QuestionStats.Day::fallback).sum());
        model.addAttribute("unanswered", unanswered.size());
        model.addAttribute("days", DAYS);
        model.addAttribute("openTips", tips.open().size());
        model.addAttribute("overdueTips", tips.overdue(clock.instant()).size());
        model.addAttribute("sla", tips.slaDescription());
        return "console/dashboard";
    }

    /** Every series the dashboard draws; all counts, no residents' text. */
    @GetMapping("/console/dashboard.json")
    @ResponseBody
    Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<QuestionStats.Day> days = questions.lastDays(DAYS);
        data.put("days", axisLabels(days.stream().map(QuestionStats.Day::date).toList()));
        data.put("asked", days.stream().map(QuestionStats.Day::asked).toList());
        data.put("fallbackRate", days.stream().map(day -> Math.round(day.fallbackRate() * 1000) / 10.0).toList());
        data.put("topTopics", questions.topTopics(DAYS, TOP_TOPICS).stream()
                .map(top -> Map.of("name", engine.topic(top.topicId()).map(FaqEntry::title).orElse(top.topicId()),
                        "value", top.count()))
                .toList());
        data.put("tips", openTips());
        List<SubscriberHistory.Day> subscribed = subscribers.lastDays(SUBSCRIBER_DAYS);
        data.put("subscribers", Map.of(
                "days", axisLabels(subscribed.stream().map(SubscriberHistory.Day::date).toList()),
                "counts", subscribed.stream().map(SubscriberHistory.Day::subscribers).toList()));
        return data;
    }

    /** Month-day labels for a run of days ending today, the last one saying 今天 so nobody has to work it out. */
    static List<String> axisLabels(List<LocalDate> daysEndingToday) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < daysEndingToday.size(); i++) {
            labels.add(i == daysEndingToday.size() - 1 ? TODAY : daysEndingToday.get(i).format(MONTH_DAY));
        }
        return labels;
    }

    /** Open tips by category, status and age: counts only, never what a tip says. */
    private Map<String, Object> openTips() {
        List<TipRecord> open = tips.open();
        Instant now = clock.instant();
        Map<String, Long> byAge = new LinkedHashMap<>();
        Ledger.DAY_BUCKETS.forEach(bucket -> byAge.put(bucket, 0L));
        open.forEach(tip -> byAge.merge(Ledger.dayBucket(Duration.between(tip.created(), now).toDays()), 1L, Long::sum));
        return Map.of(
                "byCategory", named(open.stream().collect(Collectors.groupingBy(TipRecord::category, TreeMap::new,
                        Collectors.counting()))),
                "byStatus", named(open.stream().collect(Collectors.groupingBy(tip -> tip.status().label(),
                        LinkedHashMap::new, Collectors.counting()))),
                "byAge", named(byAge));
    }

    private static List<Map<String, Object>> named(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> Map.<String, Object>of("name", e.getKey(), "value", e.getValue()))
                .toList();
    }
}
