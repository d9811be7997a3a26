package cn.fangfei.wechat;

import java.nio.charset.StandardCharsets;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The query parameters WeChat puts on every call to the portal. */
public record PortalRequest(String signature, String timestamp, String nonce, String openid,
        String encryptType, String msgSignature) {

    /**
     * Read from the query string only: asking the servlet for parameters would parse a form-encoded
     * body before the signature is checked and outside the body size limit.
     */
    public static PortalRequest fromQuery(String queryString) {
        MultiValueMap<String, String> params = UriComponentsBuilder.newInstance()
                .query(queryString == null ? "" : queryString).build().getQueryParams();
        return new PortalRequest(
                decoded(params.getFirst("signature")), decoded(params.getFirst("timestamp")),
                decoded(params.getFirst("nonce")), decoded(params.getFirst("openid")),
                decoded(params.getFirst("encrypt_type")), decoded(params.getFirst("msg_signature")));
    }

    /** Safe mode (安全模式): the body is AES-encrypted and so must the reply be. */
    public boolean isSafeMode() {
        if (encryptType == null || encryptType.isEmpty() || encryptType.equals("raw")) {
            return false;
        }
        if (encryptType.equals("aes")) {
            return true;
        }
        throw PortalRejection.badRequest();
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PortalRejection.badRequest();
        }
    }
}
