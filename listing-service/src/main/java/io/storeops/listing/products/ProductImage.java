package io.storeops.listing.products;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded photograph, kept whatever happens to it: its {@code slot} on the page (主图1,
 * 细节图…), its stage, its version within the slot (each retouching of a slot is the next version;
 * earlier ones stay), the original it was retouched from, the stored file and thumbnail, the SHA-256
 * of its bytes, what the upload checked (media type, size, pixels), and its review and comments.
 */
public record ProductImage(
        String imageId,
        String slot,
        ImageStage stage,
        int version,
        String retouchedFrom,
        String fileId,
        String thumbnailId,
        String sha256,
        String contentType,
        long bytes,
        int width,
        int height,
        String uploadedBy,
        Instant uploadedAt,
        Review review,
        List<Comment> comments) {

    public ProductImage {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** This image with the review's verdict. */
    public ProductImage withReview(Review verdict) {
        return new ProductImage(
                imageId,
                slot,
                stage,
                version,
                retouchedFrom,
                fileId,
                thumbnailId,
                sha256,
                contentType,
                bytes,
                width,
                height,
                uploadedBy,
                uploadedAt,
                verdict,
                comments);
    }

    /** This image with {@code remarks} as its comments. */
    public ProductImage withComments(List<Comment> remarks) {
        return new ProductImage(
                imageId,
                slot,
                stage,
                version,
                retouchedFrom,
                fileId,
                thumbnailId,
                sha256,
                contentType,
                bytes,
                width,
                height,
                uploadedBy,
                uploadedAt,
                review,
                remarks);
    }

    /**
     * What the upload checked and stored, before the image becomes part of a product; {@code sha256}
     * of its bytes tells a retried upload from a new picture.
     */
    public record Upload(
            String slot,
            ImageStage stage,
            String retouchedFrom,
            String fileId,
            String thumbnailId,
            String sha256,
            String contentType,
            long bytes,
            int width,
            int height) {}
}
