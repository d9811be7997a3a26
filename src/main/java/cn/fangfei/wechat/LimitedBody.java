package cn.fangfei.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body up to a limit. The stream itself is bounded, since a Content-Length can be
 * absent (chunked) or lie.
 */
final class LimitedBody {
    private LimitedBody() {
    }

    static String readUtf8(InputStream in, long declaredLength, int maxBytes) {
        if (declaredLength > maxBytes) {
            throw PortalRejection.tooLarge();
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw PortalRejection.badRequest();
        }
        if (bytes.length > maxBytes) {
            throw PortalRejection.tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PortalRejection.badRequest();
        }
    }
}
