package org.accord.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON written into a byte array its thread keeps for the next request. {@code writeValueAsBytes}
 * grows a list of blocks and then copies them into an array of the exact size, about twice the
 * text in garbage. An evaluation's answer (79 KB on the 25-practice example) is only compressed by
 * the store and sent by the response, and its request written again for the run (33 KB) only
 * compressed: neither needs an array of its own, and together they were a sixth of the request's
 * garbage (docs/performance.md, "Bytes per evaluation request outside the engine").
 *
 * <p>A request body read into it ({@link #receive(InputStream)}) is kept the same way: parsed from
 * the buffer and stored as received, with no array of its own.
 *
 * <p>What a write returns is valid until the same buffer is written again on the same thread; it
 * refuses to be read after that rather than give another request's bytes.
 */
final class ThreadJsonBuffer {

    private static final int INITIAL = 16 * 1024;
    /** Above this, the array is not kept: a rare huge answer does not pin its size to the thread. */
    private static final int KEPT_AT_MOST = 1024 * 1024;

    private final ThreadLocal<Sink> sinks = ThreadLocal.withInitial(Sink::new);

    /** Writes {@code value} with {@code json} into this thread's buffer, as writeValueAsBytes would write it. */
    Written write(JsonMapper json, Object value) {
        Sink sink = sinks.get();
        sink.length = 0;
        sink.writes++;
        json.writeValue(sink, value);
        Written written = new Written(sink, sink.writes, sink.bytes, sink.length);
        if (sink.bytes.length > KEPT_AT_MOST) {
            sink.bytes = new byte[INITIAL];
        }
        return written;
    }

    /**
     * Reads {@code body} to its end into this thread's buffer, as a write would fill it: what is
     * returned is valid until the buffer is written or filled again on this thread.
     */
    Written receive(InputStream body) throws IOException {
        Sink sink = sinks.get();
        sink.length = 0;
        sink.writes++;
        for (int read; (read = body.read(sink.bytes, sink.length, sink.bytes.length - sink.length)) >= 0; ) {
            sink.length += read;
            sink.ensure(1);
        }
        Written received = new Written(sink, sink.writes, sink.bytes, sink.length);
        if (sink.bytes.length > KEPT_AT_MOST) {
            sink.bytes = new byte[INITIAL];
        }
        return received;
    }

    /** The first {@link #length()} bytes of {@link #bytes()} are the JSON written. */
    static final class Written {
        private final Sink sink;
        private final long write;
        private final byte[] bytes;
        private final int length;

        private Written(Sink sink, long write, byte[] bytes, int length) {
            this.sink = sink;
            this.write = write;
            this.bytes = bytes;
            this.length = length;
        }

        /** JSON in an array of its own, valid for good. */
        static Written of(byte[] json) {
            return new Written(null, 0, json, json.length);
        }

        /** The array holding the JSON; only its first {@link #length()} bytes are it. */
        byte[] bytes() {
            if (sink != null && sink.writes != write) {
                throw new IllegalStateException("the thread's JSON buffer was written again since");
            }
            return bytes;
        }

        int length() {
            return length;
        }

        /** The JSON in an array of its own. */
        byte[] copy() {
            return Arrays.copyOf(bytes(), length);
        }
    }

    /** The thread's buffer, as the stream Jackson's generator flushes into. */
    private static final class Sink extends OutputStream {
        private byte[] bytes = new byte[INITIAL];
        private int length;
        private long writes;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int count) {
            ensure(count);
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        @Override
        public void close() {
            // Jackson closes its target when done; the buffer stays the thread's.
        }
    }
}
