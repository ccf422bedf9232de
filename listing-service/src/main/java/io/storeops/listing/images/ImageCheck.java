package io.storeops.listing.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded file really is, from its bytes, never from its name or the media type the
 * browser claims: a JPEG, PNG or GIF (what Tmall, JD and Shopify take for product pictures),
 * within the pixel bounds, read in full so that a truncated or corrupt file is refused here and
 * not on the storefront. The header's dimensions are checked before the pixels are decoded, so a
 * small file that claims a huge picture is refused without being expanded.
 */
public final class ImageCheck {

    /** Smaller than this is an icon, not a product photograph (marketplaces want 800×800 to zoom main pictures). */
    public static final int MIN_SIDE = 100;

    public static final int MAX_SIDE = 10_000;

    /** 40 megapixels: a full-frame camera's shot, and at four bytes a pixel 160 MB decoded. */
    public static final long MAX_PIXELS = 40_000_000L;

    private ImageCheck() {}

    /** A checked picture: its media type, pixels and the decoded image (for the thumbnail). */
    public record Checked(String contentType, int width, int height, BufferedImage image) {}

    public static Checked check(byte[] content) {
        String type = sniff(content)
                .orElseThrow(() -> new ImageRefused(
                        ImageRefused.Reason.NOT_AN_IMAGE,
                        "The file is not a picture: product images must be JPEG, PNG or GIF."));
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAPicture(type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw new ImageRefused(
                            ImageRefused.Reason.TOO_LARGE,
                            "The picture is " + width + "×" + height + " pixels: at most " + MAX_SIDE
                                    + " a side and 40 megapixels in all.");
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new ImageRefused(
                            ImageRefused.Reason.TOO_SMALL,
                            "The picture is " + width + "×" + height + " pixels: at least " + MIN_SIDE + " a side.");
                }
                BufferedImage image = reader.read(0);
                return new Checked(type, width, height, image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ImageRefused refused) {
                throw refused;
            }
            throw notAPicture(type);
        }
    }

    /** The media type the first bytes announce, if they are one of the pictures taken. */
    static Optional<String> sniff(byte[] content) {
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(content, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        return Optional.empty();
    }

    /** The file name extension pictures of {@code contentType} take. */
    public static String extension(String contentType) {
        return contentType
                .substring(contentType.indexOf('/') + 1)
                .toLowerCase(Locale.ROOT)
                .replace("jpeg", "jpg");
    }

    private static ImageRefused notAPicture(String type) {
        return new ImageRefused(
                ImageRefused.Reason.NOT_AN_IMAGE,
                "The file starts like a " + type + " picture but cannot be read as one: it is damaged or cut short.");
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(content, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            bytes[index] = (byte) values[index];
        }
        return bytes;
    }
}
