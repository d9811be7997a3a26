package cn.fangfei.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.FaqEntry;
import cn.fangfei.faq.QuestionStats;
import cn.fangfei.faq.UnansweredLog;

/** The first page after login: the numbers of the office's work, as charts (drawn by ECharts from the JSON). */
@Controller
class DashboardController {
    static final int DAYS = 30;
    static final int TOP_TOPICS = 10;
    static final int SUBSCRIBER_DAYS = 90;

    private final QuestionStats questions;
    private final UnansweredLog unanswered;
    private final AnswerEngine engine;
    private final SubscriberHistory subscribers;

    DashboardController(QuestionStats questions, UnansweredLog unanswered, AnswerEngine engine,
                        SubscriberHistory subscribers) {
        this.questions = questions;
        this.unanswered = unanswered;
        this.engine = engine;
        this.subscribers = subscribers;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        List<QuestionStats.Day> days = questions.lastDays(DAYS);
        model.addAttribute("asked", days.stream().mapToLong(QuestionStats.Day::asked).sum());
        model.addAttribute("fallback", days.stream().mapToLong(QuestionStats.Day::fallback).sum());
        model.addAttribute("unanswered", unanswered.size());
        model.addAttribute("days", DAYS);
        return "console/dashboard";
    }

    /** Every series the dashboard draws; all counts, no residents' text. */
    @GetMapping("/console/dashboard.json")
    @ResponseBody
    Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<QuestionStats.Day> days = questions.lastDays(DAYS);
        data.put("days", days.stream().map(day -> day.date().toString().substring(5)).toList());
        data.put("asked", days.stream().map(QuestionStats.Day::asked).toList());
        data.put("fallbackRate", days.stream().map(day -> Math.round(day.fallbackRate() * 1000) / 10.0).toList());
        data.put("topTopics", questions.topTopics(DAYS, TOP_TOPICS).stream()
                .map(top -> Map.of("name", engine.topic(top.topicId()).map(FaqEntry::title).orElse(top.topicId()),
                        "value", top.count()))
                .toList());
        List<SubscriberHistory.Day> subscribed = subscribers.lastDays(SUBSCRIBER_DAYS);
        data.put("subscribers", Map.of(
                "days", subscribed.stream().map(day -> day.date().toString().substring(5)).toList(),
                "counts", subscribed.stream().map(SubscriberHistory.Day::subscribers).toList()));
        return data;
    }
}
