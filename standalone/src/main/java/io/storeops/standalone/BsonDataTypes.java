package io.storeops.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the durable store writes documents and unique-index keys into its MVStore file: as BSON,
 * with the same encoder the wire protocol uses. H2's default type falls back to Java serialization
 * for both, which cost about a quarter of the standalone's CPU under load (class descriptors
 * written for every value, and every index key serialized again on each comparison).
 */
final class BsonDataTypes {

    private static final byte BSON = 0;
    private static final byte JAVA = 1;

    private BsonDataTypes() {}

    /** A value written as its encoding, with its length in front. */
    private abstract static class Encoded<T> extends BasicDataType<T> {

        abstract byte[] encode(T value);

        abstract T decoded(Object value);

        @Override
        public int getMemory(T value) {
            return encode(value).length;
        }

        @Override
        public void write(WriteBuffer buffer, T value) {
            byte[] encoded = encode(value);
            buffer.putVarInt(encoded.length).put(encoded);
        }

        @Override
        public T read(ByteBuffer buffer) {
            return decoded(decode(buffer));
        }
    }

    /** Collection documents. */
    static final class DocumentType extends Encoded<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        @Override
        byte[] encode(Document document) {
            return encodeEither(document, document);
        }

        @Override
        Document decoded(Object value) {
            return (Document) value;
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * Unique-index keys. Ordered by their encoded bytes, as H2's default type orders them by their
     * serialized bytes: a lookup needs a total order consistent with equality, not a meaningful one.
     */
    static final class KeyValueType extends Encoded<KeyValue> {

        static final KeyValueType INSTANCE = new KeyValueType();

        @Override
        public int compare(KeyValue one, KeyValue other) {
            return Arrays.compareUnsigned(encode(one), encode(other));
        }

        @Override
        byte[] encode(KeyValue key) {
            Map<String, Object> values = new LinkedHashMap<>();
            List<Object> list = key.stream().toList();
            for (int i = 0; i < list.size(); i++) {
                values.put(Integer.toString(i), list.get(i));
            }
            return encodeEither(values, key);
        }

        @Override
        KeyValue decoded(Object value) {
            return value instanceof Document values ? new KeyValue(new ArrayList<>(values.values())) : (KeyValue) value;
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /**
     * BSON of {@code bson}, tagged {@value #BSON}; a value BSON cannot hold (the store's marker for
     * a missing field in an index key) is written as {@code whole} in Java serialization, tagged
     * {@value #JAVA}, as H2 would have written everything.
     */
    private static byte[] encodeEither(Map<String, ?> bson, Serializable whole) {
        ByteBuf buffer = Unpooled.buffer(512);
        try {
            buffer.writeByte(BSON);
            BsonEncoder.encodeDocument(bson, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } catch (IllegalArgumentException notBson) {
            return javaSerialized(whole);
        } finally {
            buffer.release();
        }
    }

    private static byte[] javaSerialized(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(JAVA);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static Object decode(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer encoded = buffer.slice();
        encoded.limit(length);
        buffer.position(buffer.position() + length);
        byte tag = encoded.get();
        ByteBuf body = Unpooled.wrappedBuffer(encoded);
        if (tag == BSON) {
            return BsonDecoder.decodeBson(body);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteBufInputStream(body))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new IllegalStateException("unreadable value in the store file", unreadable);
        }
    }
}
