package cn.fangfei.wechat;

import org.springframework.http.HttpStatus;

/** A request to the portal that is refused before any reply is computed; the status says why. */
public class PortalRejection extends RuntimeException {
    private final HttpStatus status;

    private PortalRejection(HttpStatus status) {
        super(status.getReasonPhrase(), null, false, false);
        this.status = status;
    }

    public static PortalRejection forbidden() {
        return new PortalRejection(HttpStatus.FORBIDDEN);
    }

    public static PortalRejection badRequest() {
        return new PortalRejection(HttpStatus.BAD_REQUEST);
    }

    public static PortalRejection tooLarge() {
        return new PortalRejection(HttpStatus.CONTENT_TOO_LARGE);
    }

    public HttpStatus status() {
        return status;
    }
}
