package cn.fangfei.tip;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Evidence files as phones make them, with the metadata that must not survive: a JPEG with an EXIF
 * block (camera model, GPS-like text, orientation) and bytes after its end, a PNG with a text chunk, a
 * WebP with EXIF and XMP chunks.
 */
public final class TestImages {
    public static final String JPEG_SECRET = "SECRET-PHONE-MODEL-GPS-31.2304N";
    public static final String TRAILER_SECRET = "SECRET-AFTER-END-OF-IMAGE";
    public static final String PNG_SECRET = "SECRET-PNG-AUTHOR";
    public static final String WEBP_SECRET = "SECRET-WEBP-EXIF";

    private TestImages() {
    }

    /** A w×h JPEG whose EXIF says the camera was held with the given orientation (6 = turned right). */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height), "jpeg");
        byte[] exif = exif(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        byte[] trailer = TRAILER_SECRET.getBytes(StandardCharsets.US_ASCII);
        out.write(trailer, 0, trailer.length);
        return out.toByteArray();
    }

    public static byte[] pngWithText(int width, int height) {
        byte[] plain = encode(picture(width, height), "png");
        byte[] text = ("Author\0" + PNG_SECRET).getBytes(StandardCharsets.ISO_8859_1);
        int iend = plain.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, iend);
        writeChunk(out, "tEXt", text);
        out.write(plain, iend, 12);
        return out.toByteArray();
    }

    /** A WebP container with VP8X (EXIF and XMP flags set), an image chunk, and EXIF and XMP chunks. */
    public static byte[] webpWithExif() {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04;
        riffChunk(chunks, "VP8X", vp8x);
        riffChunk(chunks, "VP8L", new byte[] {0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, 0x08});
        riffChunk(chunks, "EXIF", ("Exif\0\0" + WEBP_SECRET).getBytes(StandardCharsets.US_ASCII));
        riffChunk(chunks, "XMP ", ("<x:xmpmeta>" + WEBP_SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.US_ASCII));
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static BufferedImage decode(byte[] data) {
        try {
            return ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Left half red, right half blue: rotation is visible in the pixels. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** "Exif\0\0" and a little-endian TIFF block with Make and Orientation in IFD0. */
    private static byte[] exif(int orientation) {
        byte[] make = (JPEG_SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + make.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        int makeOffset = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeOffset);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(make);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff.array());
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        out.writeBytes(chunk.array());
    }

    private static void riffChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourCc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        out.writeBytes(chunk.array());
    }
}
