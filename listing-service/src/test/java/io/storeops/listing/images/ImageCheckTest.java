package io.storeops.listing.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.listing.ListingSteps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** What an upload is, judged from its bytes: the pictures taken, and what is refused before it is decoded. */
class ImageCheckTest {

    @Test
    void aPngIsReadWithItsPixelsAndAThumbnailIsMadeOfIt() {
        ImageCheck.Checked picture = ImageCheck.check(ListingSteps.png(1200, 900));

        assertThat(picture.contentType()).isEqualTo("image/png");
        assertThat(picture.width()).isEqualTo(1200);
        assertThat(picture.height()).isEqualTo(900);
        assertThat(Thumbnails.of(picture)).isNotEmpty();
    }

    @Test
    void textNamedAsAPictureAndACutShortPictureAreNotPictures() {
        assertThatThrownBy(() -> ImageCheck.check("GIF? no, a note".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        ImageRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.NOT_AN_IMAGE));
        byte[] png = ListingSteps.png(400, 400);
        assertThatThrownBy(() -> ImageCheck.check(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOfSatisfying(
                        ImageRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.NOT_AN_IMAGE));
    }

    @Test
    void aSmallFileClaimingAHugePictureIsRefusedFromItsHeader() {
        byte[] claims48Megapixels = withDimensions(ListingSteps.png(400, 400), 8000, 6000);

        assertThatThrownBy(() -> ImageCheck.check(claims48Megapixels))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_LARGE);
                    assertThat(refused.getMessage()).contains("8000×6000", "40 megapixels");
                });
        assertThatThrownBy(() -> ImageCheck.check(ListingSteps.png(60, 400)))
                .isInstanceOfSatisfying(
                        ImageRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_SMALL));
    }

    /** The PNG with its header (IHDR) saying {@code width}×{@code height}, its checksum made to match. */
    private static byte[] withDimensions(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        int header = 8 + 4 + 4; // signature, then IHDR's length and type
        ByteBuffer.wrap(changed, header, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 4 + 13);
        ByteBuffer.wrap(changed, header + 13, 4).putInt((int) crc.getValue());
        return changed;
    }
}
