package cn.fangfei.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Customer-service messages the app sent to simulated residents, held until the page fetches them.
 * Bounded, since nobody may ever come to fetch them.
 */
@Component
@Conditional(OnSimulatorMode.class)
class CustomerServiceInbox {
    private static final int MAX_RESIDENTS = 200;
    private static final int MAX_PER_RESIDENT = 50;

    private final Map<String, List<String>> messages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > MAX_RESIDENTS;
        }
    };

    synchronized void add(String openid, String text) {
        List<String> queue = messages.computeIfAbsent(openid, id -> new ArrayList<>());
        if (queue.size() < MAX_PER_RESIDENT) {
            queue.add(text);
        }
    }

    synchronized List<String> take(String openid) {
        List<String> queue = messages.remove(openid);
        return queue == null ? List.of() : queue;
    }
}
