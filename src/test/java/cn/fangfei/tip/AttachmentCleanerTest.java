package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;

class AttachmentCleanerTest {
    private final AttachmentCleaner cleaner = new AttachmentCleaner(new TipProperties(null, 0, 0, null, null, null, null, null, null, null, null, null, null));

    @Test
    void aJpegLosesItsExifAndWhateverFollowsTheImage() {
        byte[] original = TestImages.jpegWithExif(40, 20, 1);
        assertThat(contains(original, TestImages.JPEG_SECRET)).isTrue();

        Attachment cleaned = cleaner.clean(original);

        assertThat(cleaned.type()).isEqualTo(FileType.JPEG);
        assertThat(contains(cleaned.data(), TestImages.JPEG_SECRET)).isFalse();
        assertThat(contains(cleaned.data(), "Exif")).isFalse();
        assertThat(contains(cleaned.data(), TestImages.TRAILER_SECRET)).isFalse();
        BufferedImage image = TestImages.decode(cleaned.data());
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(20);
        assertThat(isReddish(image.getRGB(5, 10))).isTrue();
        assertThat(isReddish(image.getRGB(35, 10))).isFalse();
    }

    /** Orientation 6: the phone was turned right; the left (red) half of the sensor is the top of the photo. */
    @Test
    void theExifOrientationIsAppliedBeforeItIsDropped() {
        BufferedImage image = TestImages.decode(cleaner.clean(TestImages.jpegWithExif(40, 20, 6)).data());

        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        assertThat(isReddish(image.getRGB(10, 5))).isTrue();
        assertThat(isReddish(image.getRGB(10, 35))).isFalse();
    }

    @Test
    void aPngLosesItsTextChunks() {
        byte[] original = TestImages.pngWithText(30, 30);
        assertThat(TestImages.decode(original)).isNotNull();

        Attachment cleaned = cleaner.clean(original);

        assertThat(cleaned.type()).isEqualTo(FileType.PNG);
        assertThat(contains(cleaned.data(), TestImages.PNG_SECRET)).isFalse();
        assertThat(contains(cleaned.data(), "tEXt")).isFalse();
        assertThat(TestImages.decode(cleaned.data()).getWidth()).isEqualTo(30);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndFlags() {
        Attachment cleaned = cleaner.clean(TestImages.webpWithExif());

        byte[] data = cleaned.data();
        assertThat(cleaned.type()).isEqualTo(FileType.WEBP);
        assertThat(contains(data, TestImages.WEBP_SECRET)).isFalse();
        assertThat(new String(data, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(data, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(data.length - 8);
        assertThat(new String(data, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        assertThat(data[20] & (0x08 | 0x04)).isZero();
        assertThat(contains(data, "VP8L")).isTrue();
    }

    @Test
    void aPdfIsKeptAsItIs() {
        Attachment cleaned = cleaner.clean(TestImages.pdf());

        assertThat(cleaned.type()).isEqualTo(FileType.PDF);
        assertThat(cleaned.data()).isEqualTo(TestImages.pdf());
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        assertProblem("MZ\u0090\u0000 a windows program".getBytes(StandardCharsets.ISO_8859_1), "tip-file-type");
        assertProblem("GIF89a....".getBytes(StandardCharsets.US_ASCII), "tip-file-type");
        assertProblem(new byte[0], "tip-file-type");
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.pdf(), 0, big, 0, TestImages.pdf().length);

        assertProblem(big, "tip-file-too-large");
    }

    @Test
    void aBrokenImageIsRefusedNotCrashedOn() {
        assertProblem(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5}, "tip-file-unreadable");
        assertProblem(new byte[] {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P'}, "tip-file-unreadable");
    }

    /** A small PNG that claims to be 100000×100000 pixels is refused before any pixel is decoded. */
    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);

        assertProblem(png.toByteArray(), "tip-file-unreadable");
    }

    /**
     * 311 KB on the wire, but a 16-bit RGBA PNG of 6324×6324 decodes to 320 MB: fewer pixels than a
     * large photo, eight bytes each. It is refused from its header, before a raster is allocated.
     */
    @Test
    void aSixteenBitPngIsMeasuredInBytesNotPixels() throws Exception {
        int side = 6324;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 16).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            byte[] row = new byte[1 + side * 8];
            for (int y = 0; y < side; y++) {
                deflate.write(row);
            }
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        assertThat(png.size()).isLessThan(400 * 1024);

        assertProblem(png.toByteArray(), "tip-image-too-large");
    }

    private void assertProblem(byte[] data, String replyKey) {
        assertThatThrownBy(() -> cleaner.clean(data)).isInstanceOfSatisfying(TipInputException.class,
                e -> assertThat(e.replyKey()).isEqualTo(replyKey));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array());
    }

    static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static boolean isReddish(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 180 && color.getBlue() < 80;
    }
}
