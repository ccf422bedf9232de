package io.storeops.listing.images.web;

import io.storeops.listing.access.ListingAction;
import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.images.ImageRefused;
import io.storeops.listing.products.ImageStage;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.NotOnRecord;
import io.storeops.listing.products.ProductImage;
import io.storeops.listing.products.web.ListingProblems;
import io.storeops.listing.products.web.ProductAccess;
import io.storeops.platform.files.FileStore;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A product's photographs over HTTP: the shoot's originals and the designer's retouched versions
 * come in (checked from their bytes, stored with a thumbnail); pictures and thumbnails go out only
 * to staff of the store that runs the product's listing; anyone working on the pictures remarks on them.
 */
@RestController
@RequestMapping("/api/listings/{productId}/images")
@Tag(name = "Listing")
@SecurityRequirement(name = "bearer")
class ImageController {

    private final Listings listings;
    private final ProductAccess access;
    private final ImageFiles files;
    private final Clock clock;
    private final int maxBytes;

    ImageController(
            Listings listings,
            ImageFiles files,
            Clock clock,
            @Value("${storeops.listing.image-max-size:20MB}") DataSize maxSize) {
        this.listings = listings;
        this.access = new ProductAccess(listings);
        this.files = files;
        this.clock = clock;
        this.maxBytes = Math.toIntExact(maxSize.toBytes());
    }

    @Schema(description = "A remark on an image")
    record CommentEntry(@Schema(example = "盖子上有划痕，请修掉") String text) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a photograph: an original from the shoot, or a retouched version of an original",
            description = "Parts: file (JPEG, PNG or GIF, at most storeops.listing.image-max-size, default 20 MB: "
                    + "413 beyond; 415 not-an-image for anything else, whatever its name says), stage ORIGINAL "
                    + "(store manager, designer) with slot (主图1, 细节图…), or RETOUCHED (designer) with "
                    + "retouchedFrom, the original's image id. Each retouching is the next version of its slot; "
                    + "every version is kept. The same picture sent again for the same place is the image kept the "
                    + "first time.")
    Mono<ResponseEntity<ProductImage>> upload(
            @PathVariable String productId,
            @RequestPart("file") FilePart file,
            @Parameter(description = "ORIGINAL or RETOUCHED") @RequestPart("stage") String stage,
            @RequestPart(name = "slot", required = false) String slot,
            @RequestPart(name = "retouchedFrom", required = false) String retouchedFrom) {
        return StaffAccess.current()
                .map(staff -> {
                    ImageStage uploaded = stage(stage);
                    ListingAction action =
                            uploaded == ImageStage.ORIGINAL ? ListingAction.SHOOT : ListingAction.RETOUCH;
                    return staff.requireAnyRole(action.allowedRoles().toArray(StaffRole[]::new));
                })
                .flatMap(staff -> access.workable(productId, staff)
                        // where the picture goes is judged before it is stored: a refused upload stores nothing
                        .map(listing -> listing.placement(stage(stage), slot, retouchedFrom))
                        .then(DataBufferUtils.join(file.content(), maxBytes))
                        .flatMap(joined -> {
                            byte[] content = new byte[joined.readableByteCount()];
                            joined.read(content);
                            DataBufferUtils.release(joined);
                            return files.store(productId, file.filename(), content, stage(stage), slot, retouchedFrom);
                        })
                        .flatMap(upload -> listings.change(
                                        productId,
                                        listing -> listing.addImage(
                                                listing.nextImageId(), upload, staff.username(), clock.instant()))
                                .onErrorResume(refused -> files.discard(upload).then(Mono.error(refused)))
                                .flatMap(listing -> kept(listing, upload))))
                .map(image -> ResponseEntity.status(HttpStatus.CREATED).body(image))
                .onErrorMap(ImageRefused.class, ImageController::refused)
                .onErrorMap(ListingProblems::problem);
    }

    @GetMapping("/{imageId}")
    @Operation(summary = "The photograph as uploaded")
    Mono<ResponseEntity<byte[]>> image(@PathVariable String productId, @PathVariable String imageId) {
        return served(productId, imageId, ProductImage::fileId);
    }

    @GetMapping("/{imageId}/thumbnail")
    @Operation(summary = "Its thumbnail, at most 240 pixels a side")
    Mono<ResponseEntity<byte[]>> thumbnail(@PathVariable String productId, @PathVariable String imageId) {
        return served(productId, imageId, ProductImage::thumbnailId);
    }

    @PostMapping("/{imageId}/comments")
    @Operation(summary = "Remark on an image (supervisor, store manager, designer), outside a review's verdict")
    Mono<ProductImage> comment(
            @PathVariable String productId, @PathVariable String imageId, @RequestBody CommentEntry comment) {
        return StaffAccess.require(ListingAction.DISCUSS_IMAGES)
                .flatMap(staff -> access.workable(productId, staff)
                        .then(listings.change(
                                productId,
                                listing -> listing.comment(
                                        imageId,
                                        comment == null ? null : comment.text(),
                                        staff.username(),
                                        clock.instant())))
                        .map(listing -> listing.image(imageId).orElseThrow()))
                .onErrorMap(ListingProblems::problem);
    }

    private Mono<ResponseEntity<byte[]>> served(
            String productId, String imageId, Function<ProductImage, String> which) {
        return access.find(productId, ListingAction.SEE)
                .map(listing -> listing.image(imageId).orElseThrow(() -> new NotOnRecord("Image", imageId)))
                .flatMap(image -> files.load(which.apply(image)))
                .switchIfEmpty(Mono.error(() -> new NotOnRecord("Image", imageId)))
                .map(ImageController::response)
                .onErrorMap(ListingProblems::problem);
    }

    private static ResponseEntity<byte[]> response(FileStore.StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                // Pictures never change under their id; only the signed-in browser may keep them.
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(file.content());
    }

    /**
     * The image the product keeps for {@code upload}: itself, or — for a retried upload of the same
     * picture to the same place — the one kept the first time, whose copy is then not kept twice.
     */
    private Mono<ProductImage> kept(Listing listing, ProductImage.Upload upload) {
        ProductImage image = listing.keptFor(upload).orElseThrow();
        return image.fileId().equals(upload.fileId())
                ? Mono.just(image)
                : files.discard(upload).thenReturn(image);
    }

    private static ImageStage stage(String stage) {
        try {
            return ImageStage.valueOf(stage == null ? "" : stage.strip());
        } catch (IllegalArgumentException unknown) {
            throw Problems.invalid("stage must be ORIGINAL or RETOUCHED: '" + stage + "' is not.");
        }
    }

    private static ProblemException refused(ImageRefused refused) {
        HttpStatus status = refused.reason() == ImageRefused.Reason.NOT_AN_IMAGE
                ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return new ProblemException(
                status,
                "image-refused",
                "Image refused",
                refused.getMessage(),
                Map.of("reason", refused.reason().name()));
    }
}
