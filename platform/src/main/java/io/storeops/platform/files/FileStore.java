package io.storeops.platform.files;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files too large for an aggregate's document (product photographs, their thumbnails), kept in
 * the service's own database through GridFS, so that they are backed up and restored with the
 * documents that name them. A file is written once and named by the id it was given; an aggregate
 * records that id in the same write that makes the file part of it, so a file whose aggregate
 * write failed is an orphan nobody reads, never a half-made state.
 */
public class FileStore {

    private final ReactiveGridFsTemplate gridFs;

    public FileStore(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    /** A stored file, read whole: its name, media type, the metadata it was saved with, and its bytes. */
    public record StoredFile(
            String fileId, String filename, String contentType, Map<String, String> metadata, byte[] content) {}

    /** Saves {@code content} as a new file; its id is the answer. */
    public Mono<String> save(String filename, String contentType, Map<String, String> metadata, byte[] content) {
        Flux<DataBuffer> body = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content));
        return gridFs.store(body, filename, contentType, new Document(metadata)).map(ObjectId::toHexString);
    }

    /** Deletes the file {@code fileId}, if there is one: a file nothing will ever name. */
    public Mono<Void> delete(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Mono.empty();
        }
        return gridFs.delete(query(where("_id").is(new ObjectId(fileId))));
    }

    /** The file {@code fileId}, read whole; empty when there is none (or the id is not one this store gives). */
    public Mono<StoredFile> load(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Mono.empty();
        }
        return gridFs.findOne(query(where("_id").is(new ObjectId(fileId))))
                .flatMap(file -> gridFs.getResource(file)
                        .flatMap(resource -> DataBufferUtils.join(resource.getDownloadStream()))
                        .map(joined -> read(fileId, file, joined)))
                .onErrorResume(MongoGridFSException.class, missing -> Mono.empty());
    }

    private static StoredFile read(String fileId, GridFSFile file, DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
        Map<String, String> given = new LinkedHashMap<>();
        // GridFS keeps the media type among the metadata, under a name of its own.
        metadata.forEach((key, value) -> {
            if (!key.startsWith("_")) {
                given.put(key, String.valueOf(value));
            }
        });
        return new StoredFile(fileId, file.getFilename(), metadata.getString("_contentType"), given, bytes);
    }
}
