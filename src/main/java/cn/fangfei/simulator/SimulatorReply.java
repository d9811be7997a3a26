package cn.fangfei.simulator;

import java.util.List;

/** What the page shows for one message: the bot's bubbles, or why there are none. */
record SimulatorReply(List<String> replies, String error) {
    static SimulatorReply of(List<String> replies) {
        return new SimulatorReply(replies, null);
    }

    static SimulatorReply failed(String error) {
        return new SimulatorReply(List.of(), error);
    }
}
