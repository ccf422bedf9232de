package io.storeops.listing.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The small picture boards and review lists show: at most {@value #SIDE} pixels a side, as JPEG (PNG keeps transparency). */
public final class Thumbnails {

    public static final int SIDE = 240;

    private Thumbnails() {}

    public static byte[] of(ImageCheck.Checked picture) {
        String format = picture.contentType().equals("image/jpeg") ? "jpg" : "png";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            net.coobird.thumbnailator.Thumbnails.of(picture.image())
                    .size(SIDE, SIDE)
                    .outputFormat(format)
                    .toOutputStream(out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    /** The media type of a thumbnail of {@code picture}. */
    public static String contentType(ImageCheck.Checked picture) {
        return picture.contentType().equals("image/jpeg") ? "image/jpeg" : "image/png";
    }
}
