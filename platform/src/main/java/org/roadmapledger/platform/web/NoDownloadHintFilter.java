package org.roadmapledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Keeps Spring's reflected-file-download guard from marking JSON answers as files. Objective ids contain dots
 * ({@code 1.03}), which Spring takes for a file extension and answers with {@code Content-Disposition:
 * inline;filename=f.txt}. The guard protects a browser from saving a response under a name the URL chose; our
 * answers say {@code X-Content-Type-Options: nosniff} instead, so a JSON answer stays JSON.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class NoDownloadHintFilter extends OncePerRequestFilter {

    static final String SPRING_GUARD = "inline;filename=f.txt";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!isGuard(name, value)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!isGuard(name, value)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static boolean isGuard(String name, String value) {
        return HttpHeaders.CONTENT_DISPOSITION.equalsIgnoreCase(name) && SPRING_GUARD.equals(value);
    }
}
