package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.tip.TipAppTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.MultipartConfigElement;

/**
 * Multipart bodies are judged from their headers: refused off the two upload forms, and only two are
 * taken in at once. Each request here announces 25 MB and sends a few bytes: an answer that comes
 * while the client is still "uploading" proves that nothing waited for, or read, the body.
 */
class MultipartGateTest extends TipAppTest {
    private static final long ANNOUNCED = 25L * 1024 * 1024;

    @Autowired
    MultipartConfigElement multipart;

    @Autowired
    MeterRegistry meters;

    @Test
    void aMultipartBodyAnywhereButTheUploadFormsIsRefusedUnread() throws Exception {
        for (String path : List.of("/login", "/api/ask", "/tip/status", "/wechat/portal", "/console/users")) {
            try (Socket client = startUpload(path)) {
                String answer = readAnswer(client);
                assertThat(answer).as(path).startsWith("HTTP/1.1 415").contains("这个地址不接收文件上传");
            }
        }
    }

    @Test
    void onlyTwoUploadsAreTakenInAtOnceAndTheNextIsToldToComeBack() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            slow.add(startUpload("/tip"));
            slow.add(startUpload("/tip/status/add"));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("fangfei.tip.uploads.parsing").gauge().value() == 2);
            long started = System.nanoTime();
            try (Socket third = startUpload("/tip")) {
                String answer = readAnswer(third);
                assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After").contains("请稍等几秒再提交一次");
                assertThat((System.nanoTime() - started) / 1_000_000).as("answered after the 2 s wait, not later")
                        .isLessThan(4_000);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void partsAreWrittenToAPrivateDirectoryNotKeptInMemory() throws Exception {
        assertThat(multipart.getFileSizeThreshold()).isZero();
        Path dir = Path.of(multipart.getLocation());
        assertThat(dir).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    /** Sends the headers of a 25 MB multipart POST and the first bytes of its body, then stalls. */
    private Socket startUpload(String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(8_000);
        String boundary = "----hostile";
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + ANNOUNCED + "\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** The status line, headers and start of the body, as far as the server sent them. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        StringBuilder answer = new StringBuilder();
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (answer.indexOf("</html>") >= 0) {
                break;
            }
        }
        return answer.toString();
    }
}
