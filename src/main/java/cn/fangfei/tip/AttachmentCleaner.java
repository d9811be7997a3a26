package cn.fangfei.tip;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Makes an uploaded file safe to keep: its type is read from its content; JPEG and PNG images are
 * decoded and encoded again, which leaves EXIF (GPS position, phone model, time), XMP, comments and
 * anything hidden after the image behind; WebP images lose their EXIF and XMP chunks. The EXIF
 * orientation is applied first, so that photos stay upright. PDFs are kept as they are (their
 * document properties are not touched; the form says so).
 *
 * <p>Decoding works in memory only (no ImageIO disk cache, which would write the plain image to a
 * temporary file) and at most {@link #PARALLEL} at a time, so uploads cannot exhaust the heap.
 */
@Component
public class AttachmentCleaner {
    /**
     * The largest raster an image may decode to: a 16-megapixel photo in 4 bytes a pixel. The bytes per
     * pixel come from the header, so a small 16-bit PNG of 6324² (320 MB decoded) is refused unread.
     * With {@link #PARALLEL} decodes and a rotated copy each, this bounds decoding to about 256 MB.
     */
    static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;
    private static final int PARALLEL = 2;
    private static final float JPEG_QUALITY = 0.9f;

    private final long maxBytes;
    private final Semaphore decoding = new Semaphore(PARALLEL);

    public AttachmentCleaner(TipProperties properties) {
        this.maxBytes = properties.maxFileSize().toBytes();
    }

    /** Throws {@link TipInputException} for a file the resident has to replace. */
    public Attachment clean(byte[] data) {
        if (data.length > maxBytes) {
            throw new TipInputException("tip-file-too-large", Map.of("max", Long.toString(maxBytes / (1024 * 1024))));
        }
        FileType type = FileType.sniff(data).orElseThrow(() -> new TipInputException("tip-file-type"));
        return switch (type) {
            case JPEG, PNG -> new Attachment(type, reencode(data, type));
            case WEBP -> new Attachment(type, WebpChunks.withoutMetadata(data));
            case PDF -> new Attachment(type, data);
        };
    }

    private byte[] reencode(byte[] data, FileType type) {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TipInputException("tip-file-unreadable");
        }
        try {
            BufferedImage image = decode(data);
            if (type == FileType.JPEG) {
                image = upright(image, JpegOrientation.of(data));
                return writeJpeg(image);
            }
            return writePng(image);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TipInputException input) {
                throw input;
            }
            throw new TipInputException("tip-file-unreadable");
        } finally {
            decoding.release();
        }
    }

    private static BufferedImage decode(byte[] data) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new TipInputException("tip-file-unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (decodedBytes(reader) > MAX_DECODED_BYTES) {
                    throw new TipInputException("tip-image-too-large");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Width × height × the bytes a pixel takes in the raster the reader would make, all from the header. */
    private static long decodedBytes(ImageReader reader) throws IOException {
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
            throw new TipInputException("tip-file-unreadable");
        }
        SampleModel pixel = types.next().getSampleModel(1, 1);
        long bytesPerPixel = (long) pixel.getNumDataElements() * DataBuffer.getDataTypeSize(pixel.getDataType()) / 8;
        return pixels * Math.max(1, bytesPerPixel);
    }

    private static byte[] writeJpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] writePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer");
            }
        }
        return out.toByteArray();
    }

    /** Turns the pixels the way the EXIF orientation (1 to 8) says the camera was held. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** The Orientation tag (0x0112) of a JPEG's EXIF block; 1 (upright) when there is none. */
    static final class JpegOrientation {
        private JpegOrientation() {
        }

        static int of(byte[] jpeg) {
            try {
                int pos = 2;
                while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
                    int marker = jpeg[pos + 1] & 0xFF;
                    int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
                    if (marker == 0xDA || marker == 0xD9) {
                        return 1;
                    }
                    if (marker == 0xE1 && length >= 8 && pos + 2 + length <= jpeg.length
                            && new String(jpeg, pos + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                        return fromTiff(ByteBuffer.wrap(jpeg, pos + 10, length - 8).slice());
                    }
                    pos += 2 + length;
                }
            } catch (RuntimeException malformed) {
                return 1;
            }
            return 1;
        }

        private static int fromTiff(ByteBuffer tiff) {
            tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = tiff.getInt(4);
            int entries = tiff.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + i * 12;
                if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                    return tiff.getShort(entry + 8) & 0xFFFF;
                }
            }
            return 1;
        }
    }

    /** WebP is a RIFF file of chunks; EXIF and "XMP " chunks are dropped and VP8X's flags for them cleared. */
    static final class WebpChunks {
        private static final int EXIF_FLAG = 0x08;
        private static final int XMP_FLAG = 0x04;

        private WebpChunks() {
        }

        static byte[] withoutMetadata(byte[] webp) {
            try {
                ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
                int riffEnd = Math.min(webp.length, 8 + in.getInt(4));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(webp, 8, 4);
                int pos = 12;
                boolean sawImage = false;
                while (pos + 8 <= riffEnd) {
                    String fourCc = new String(webp, pos, 4, StandardCharsets.US_ASCII);
                    int size = in.getInt(pos + 4);
                    int padded = size + (size & 1);
                    if (size < 0 || pos + 8 + size > riffEnd) {
                        throw new TipInputException("tip-file-unreadable");
                    }
                    if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
                        byte[] chunk = new byte[8 + padded];
                        System.arraycopy(webp, pos, chunk, 0, Math.min(8 + padded, riffEnd - pos));
                        if (fourCc.equals("VP8X") && size >= 1) {
                            chunk[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                        }
                        sawImage |= fourCc.equals("VP8 ") || fourCc.equals("VP8L") || fourCc.equals("ANMF");
                        body.write(chunk);
                    }
                    pos += 8 + padded;
                }
                if (!sawImage) {
                    throw new TipInputException("tip-file-unreadable");
                }
                byte[] chunks = body.toByteArray();
                ByteBuffer out = ByteBuffer.allocate(8 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
                out.put(webp, 0, 4).putInt(chunks.length).put(chunks);
                return out.array();
            } catch (IndexOutOfBoundsException e) {
                throw new TipInputException("tip-file-unreadable");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
