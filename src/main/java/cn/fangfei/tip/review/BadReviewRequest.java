package cn.fangfei.tip.review;

/** A reviewer's request the API cannot read (an unknown status, a malformed month), with a message for them. */
class BadReviewRequest extends RuntimeException {
    BadReviewRequest(String message) {
        super(message);
    }
}
