package io.storeops.listing.images;

import io.storeops.listing.products.ImageStage;
import io.storeops.listing.products.ProductImage;
import io.storeops.platform.files.FileStore;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Product photographs on their way in and out: checked from their bytes, stored with a thumbnail
 * in the service's GridFS, and read back for those who may see them.
 */
@Component
public class ImageFiles {

    private final FileStore files;

    public ImageFiles(FileStore files) {
        this.files = files;
    }

    /**
     * Checks {@code content} and stores it and its thumbnail; answers what a product records of the
     * upload. Decoding runs off the request threads.
     */
    public Mono<ProductImage.Upload> store(
            String productId, String filename, byte[] content, ImageStage stage, String slot, String retouchedFrom) {
        return Mono.fromCallable(() -> {
                    ImageCheck.Checked picture = ImageCheck.check(content);
                    return new Checked(picture, Thumbnails.of(picture));
                })
                .subscribeOn(Schedulers.boundedElastic())
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
                                    type,
                                    content.length,
                                    checked.picture().width(),
                                    checked.picture().height()));
                });
    }

    /** The stored file {@code fileId} (a picture or a thumbnail). */
    public Mono<FileStore.StoredFile> load(String fileId) {
        return files.load(fileId);
    }

    private record Checked(ImageCheck.Checked picture, byte[] thumbnail) {}

    private static String name(String filename, String type) {
        return filename == null || filename.isBlank() ? "image." + ImageCheck.extension(type) : filename;
    }
}
