package org.accord.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body is watched as it is read: every run of bytes and the end pass through
 * {@link #watch} and {@link #ended}, which may refuse the body by throwing (the size limit, UTF-8).
 */
abstract class WatchedBody extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    WatchedBody(HttpServletRequest request) {
        super(request);
    }

    /** Sees {@code count} bytes just read into {@code bytes} from {@code from}. */
    abstract void watch(byte[] bytes, int from, int count) throws IOException;

    /** Sees the end of the body. */
    void ended() throws IOException {
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Watched(super.getInputStream());
        }
        return stream;
    }

    private final class Watched extends ServletInputStream {

        private final ServletInputStream in;
        private final byte[] one = new byte[1];

        Watched(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                ended();
            } else {
                one[0] = (byte) b;
                watch(one, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = in.read(buffer, from, length);
            if (n < 0) {
                ended();
            } else if (n > 0) {
                watch(buffer, from, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
