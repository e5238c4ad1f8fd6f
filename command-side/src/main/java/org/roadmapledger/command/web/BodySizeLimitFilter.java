package org.roadmapledger.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over 64 KiB with 413: at once when Content-Length says so, and while reading when the
 * body comes chunked. A roadmap file for import may be larger (up to 1 MiB): the official one has every
 * objective's wording.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final int LIMIT = 64 * 1024;
    static final int IMPORT_LIMIT = 1024 * 1024;
    private static final String IMPORT_PATH = "/api/roadmap/import";

    private final ProblemWriter problems;

    BodySizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = IMPORT_PATH.equals(request.getRequestURI()) ? IMPORT_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            problems.write(response, PayloadTooLarge.problem(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Thrown while reading a body that passes the limit; the problem handler answers 413. */
    static class PayloadTooLarge extends IOException {

        private final int limit;

        PayloadTooLarge(int limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        org.springframework.http.ProblemDetail problem() {
            return problem(limit);
        }

        static org.springframework.http.ProblemDetail problem(int limit) {
            return Problems.of(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "Request body too large", "the request body must not exceed " + limit + " bytes ("
                            + limit / 1024 + " KiB)");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final int limit;
        private long read;

        LimitedStream(ServletInputStream delegate, int limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
