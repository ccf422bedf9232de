package io.storeops.listing.images;

import io.storeops.listing.products.ImageStage;
import io.storeops.listing.products.ProductImage;
import io.storeops.platform.files.FileStore;
import jakarta.annotation.PreDestroy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Product photographs on their way in and out: checked from their bytes, stored with a thumbnail
 * in the service's GridFS, and read back for those who may see them.
 */
@Component
public class ImageFiles {

    private final FileStore files;

    /**
     * Where pictures are decoded: at most {@value #DECODING_AT_ONCE} at a time, for a decoded
     * photograph takes up to four bytes a pixel (160 MB at the largest size taken).
     */
    private final Scheduler decoding;

    static final int DECODING_AT_ONCE = 2;

    public ImageFiles(FileStore files) {
        this.files = files;
        this.decoding = Schedulers.newBoundedElastic(DECODING_AT_ONCE, 64, "picture-check");
    }

    @PreDestroy
    void stop() {
        decoding.dispose();
    }

    /**
     * Checks {@code content} and stores it and its thumbnail; answers what a product records of the
     * upload. Decoding runs off the request threads.
     */
    public Mono<ProductImage.Upload> store(
            String productId, String filename, byte[] content, ImageStage stage, String slot, String retouchedFrom) {
        return Mono.fromCallable(() -> {
                    ImageCheck.Checked picture = ImageCheck.check(content);
                    return new Checked(picture, Thumbnails.of(picture), sha256(content));
                })
                .subscribeOn(decoding)
                .flatMap(checked -> {
                    String type = checked.picture().contentType();
                    Map<String, String> about = Map.of("productId", productId, "stage", stage.name());
                    return files.save(name(filename, type), type, about, content)
                            .zipWith(files.save(
                                    "thumbnail." + ImageCheck.extension(Thumbnails.contentType(checked.picture())),
                                    Thumbnails.contentType(checked.picture()),
                                    about,
                                    checked.thumbnail()))
                            .map(ids -> new ProductImage.Upload(
                                    slot,
                                    stage,
                                    retouchedFrom,
                                    ids.getT1(),
                                    ids.getT2(),
                                    checked.sha256(),
                                    type,
                                    content.length,
                                    checked.picture().width(),
                                    checked.picture().height()));
                });
    }

    /** Deletes what {@link #store} stored for an upload that did not become part of a product. */
    public Mono<Void> discard(ProductImage.Upload upload) {
        return files.delete(upload.fileId()).then(files.delete(upload.thumbnailId()));
    }

    /** The stored file {@code fileId} (a picture or a thumbnail). */
    public Mono<FileStore.StoredFile> load(String fileId) {
        return files.load(fileId);
    }

    private record Checked(ImageCheck.Checked picture, byte[] thumbnail, String sha256) {}

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java has SHA-256", missing);
        }
    }

    private static String name(String filename, String type) {
        return filename == null || filename.isBlank() ? "image." + ImageCheck.extension(type) : filename;
    }
}
