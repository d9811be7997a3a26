package cn.fangfei.faq;

import org.springframework.stereotype.Service;

import cn.fangfei.content.Replies;

/**
 * The answering side of the residents' chat: turns one message from one resident into the reply text.
 * (Placeholder while the engine is being written; the signatures are final.)
 */
@Service
public class ResidentQuestions {
    private final Replies replies;

    public ResidentQuestions(Replies replies) {
        this.replies = replies;
    }

    /** The reply to a resident's text (or recognised voice) message. */
    public String reply(String openid, String text) {
        return replies.text("fallback");
    }

    /** The chat answer of one topic, for menu clicks such as faq:how-to-report; null if no such topic. */
    public String answerOf(String topicId) {
        return null;
    }
}
