package cn.fangfei.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/** The administrator reads the audit log one day at a time, optionally for one person. */
@Controller
@ConsolePage
class AuditController {
    static final int LIMIT = 2000;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String day(@RequestParam(required = false) String day, @RequestParam(defaultValue = "") String who,
               HttpServletRequest request, Model model) {
        LocalDate date = audit.today();
        if (day != null && !day.isBlank()) {
            try {
                date = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("error", "日期格式应为 年-月-日,例如 " + audit.today());
            }
        }
        String person = who.strip();
        List<AuditLog.Entry> entries = audit.day(date, LIMIT).stream()
                .filter(entry -> person.isEmpty() || entry.who().equals(person)).toList();
        audit.record(request, AuditAction.AUDIT_VIEWED, date.toString(), person);
        model.addAttribute("day", date);
        model.addAttribute("who", person);
        model.addAttribute("entries", entries);
        model.addAttribute("limit", LIMIT);
        return "console/audit";
    }
}
