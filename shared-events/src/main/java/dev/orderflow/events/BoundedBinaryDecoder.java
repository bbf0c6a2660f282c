package dev.orderflow.events;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one in-memory payload that refuses any length or item count larger than
 * the bytes left, before allocating. Avro's own decoder allocates first: five corrupt bytes
 * announcing a 1 GiB string make it allocate 1 GiB (an OutOfMemoryError that kills a consumer
 * instead of dead-lettering one message). Lengths and counts are Avro longs, so this reads them
 * itself and delegates everything else.
 *
 * <p>Assumes every collection item takes at least one byte, true of every contract here (no arrays
 * or maps of {@code null} or of empty records).
 */
final class BoundedBinaryDecoder extends Decoder {

    private final ByteArrayInputStream in;
    private final BinaryDecoder delegate;

    BoundedBinaryDecoder(byte[] payload) {
        this.in = new ByteArrayInputStream(payload);
        this.delegate = DecoderFactory.get().directBinaryDecoder(in, null); // reads only what it needs
    }

    /** Whether every byte of the payload was read. */
    boolean isEnd() {
        return in.available() == 0;
    }

    private int boundedLength() throws IOException {
        return (int) bounded(delegate.readLong(), "length");
    }

    private long bounded(long announced, String what) throws IOException {
        if (announced < 0) {
            throw new AvroRuntimeException("malformed payload: negative " + what + " " + announced);
        }
        if (announced > in.available()) {
            throw new EOFException("malformed payload: " + what + " " + announced + " but only "
                    + in.available() + " bytes left");
        }
        return announced;
    }

    /** A block count; a negative count is followed by the block's size in bytes. */
    private long blockCount() throws IOException {
        long count = delegate.readLong();
        if (count < 0) {
            bounded(delegate.readLong(), "block size");
            count = -count;
        }
        return bounded(count, "item count");
    }

    @Override
    public void readNull() throws IOException {
        delegate.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return delegate.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return delegate.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return delegate.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return delegate.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return delegate.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = boundedLength();
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        delegate.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        byte[] bytes = new byte[boundedLength()];
        delegate.readFixed(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        delegate.skipFixed(boundedLength());
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = boundedLength();
        ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        delegate.readFixed(result.array(), result.arrayOffset() + result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        delegate.skipFixed(boundedLength());
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        delegate.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        delegate.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return delegate.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return blockCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return blockCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return blockCount();
    }

    @Override
    public long mapNext() throws IOException {
        return blockCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks();
    }

    /** Skips blocks that announce their size; returns the item count of the first block that does not (0 at the end). */
    private long skipBlocks() throws IOException {
        while (true) {
            long count = delegate.readLong();
            if (count >= 0) {
                return bounded(count, "item count");
            }
            delegate.skipFixed((int) bounded(delegate.readLong(), "block size"));
        }
    }

    @Override
    public int readIndex() throws IOException {
        return delegate.readIndex();
    }
}
