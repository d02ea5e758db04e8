package com.makcrm.server.platform;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.ProblemMessages;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.http.BodyTooLargeException;
import com.makcrm.server.platform.IdempotencyStore.Reservation;
import com.makcrm.server.problem.ProblemType;
import com.makcrm.server.problem.Problems;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/**} (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs and its response is kept; a retry with the same key and the same request gets that response again
 * (with {@code Idempotency-Replayed: true}) and changes nothing. Keys belong to one credential in one tenant, so two
 * callers never collide.
 *
 * <ul>
 *   <li>same key, different request (method, path or body): 422;
 *   <li>same key while the first request still runs: 409 with {@code Retry-After: 1};
 *   <li>responses with 5xx (and 429, or a bare {@code sendError}) are not kept: the key is freed and a retry runs
 *       again. Other 4xx responses are kept and replayed, as the same request would fail the same way;
 *   <li>a response body larger than {@code crm.idempotency.max-response-size} is sent but not kept; the key stays
 *       used, so a retry creates nothing twice but gets 409 saying so instead of the response.
 * </ul>
 *
 * When the store cannot be reached, requests with a key are refused with 503 rather than run without the guarantee.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String REPLAYED = "Idempotency-Replayed";
    static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final int maxResponseSize;
    private final Problems problems;
    private final ThrottledWarning unavailable = new ThrottledWarning(log);

    IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, Problems problems) {
        this.store = store;
        this.maxResponseSize = (int) properties.maxResponseSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CrmPrincipal caller = Callers.current();
        String key;
        try {
            key = IdempotencyKey.parse(request.getHeaders(IdempotencyKey.HEADER));
        } catch (CrmException e) {
            refuse(request, response, ProblemType.INVALID, problems.text(request, e));
            return;
        }
        if (key == null || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        RequestFingerprint.Read read;
        try {
            read = RequestFingerprint.read(request);
        } catch (BodyTooLargeException e) {
            refuse(
                    request,
                    response,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    problems.text(request, ProblemMessages.BODY_TOO_LARGE, e.messageArgs()));
            return;
        } catch (IllegalStateException | ServletException e) {
            // a multipart body the container refuses: the handler meets the same failure and reports it
            chain.doFilter(request, response);
            return;
        }
        Reservation reservation;
        try {
            reservation = store.reserve(Callers.scope(caller) + ":" + key, read.fingerprint());
        } catch (StoreUnavailableException e) {
            unavailable.warn("requests with an Idempotency-Key are refused while Redis is unavailable", e);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            refuse(
                    request,
                    response,
                    ProblemType.UNAVAILABLE,
                    problems.text(request, ProblemMessages.IDEMPOTENCY_UNAVAILABLE, Map.of()));
            return;
        }
        if (reservation instanceof Reservation.Acquired acquired) {
            run(acquired, read.request(), response, chain);
        } else if (!fingerprintOf(reservation).equals(read.fingerprint())) {
            refuse(
                    request,
                    response,
                    ProblemType.UNPROCESSABLE,
                    problems.text(request, ProblemMessages.IDEMPOTENCY_DIFFERENT_REQUEST, Map.of()));
        } else if (reservation instanceof Reservation.Completed completed) {
            replay(completed.response(), request, response);
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(
                    request,
                    response,
                    ProblemType.CONFLICT,
                    problems.text(request, ProblemMessages.IDEMPOTENCY_IN_FLIGHT, Map.of()));
        }
    }

    private void run(
            Reservation.Acquired reservation,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        CapturingResponse capturing = new CapturingResponse(response, maxResponseSize);
        try {
            chain.doFilter(request, capturing);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            release(reservation);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new FinishWhenDone(reservation, capturing));
        } else {
            finish(reservation, capturing);
        }
    }

    private void finish(Reservation.Acquired reservation, CapturingResponse response) {
        int status = response.getStatus();
        byte[] body = response.body();
        if (status >= 500 || status == 429 || response.errorSent()) {
            release(reservation);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            // the container keeps the content type apart from the other headers
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            store.complete(reservation, new StoredResponse(status, headers, body));
        } catch (StoreUnavailableException e) {
            unavailable.warn("a response could not be kept for its Idempotency-Key", e);
        }
    }

    private void release(Reservation.Acquired reservation) {
        try {
            store.release(reservation);
        } catch (StoreUnavailableException e) {
            unavailable.warn("an Idempotency-Key could not be freed; it frees when its in-flight timeout ends", e);
        }
    }

    private static String fingerprintOf(Reservation reservation) {
        return reservation instanceof Reservation.Completed completed
                ? completed.fingerprint()
                : ((Reservation.InFlight) reservation).fingerprint();
    }

    private void replay(StoredResponse stored, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!stored.bodyKept()) {
            refuse(
                    request,
                    response,
                    ProblemType.CONFLICT,
                    problems.text(
                            request,
                            ProblemMessages.IDEMPOTENCY_NOT_KEPT,
                            Map.of("status", String.valueOf(stored.status()))));
            return;
        }
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        problems.write(request, response, Problems.of(type, detail, request));
    }

    /** Keeps the response of an asynchronous request once it is complete. */
    private final class FinishWhenDone implements AsyncListener {
        private final Reservation.Acquired reservation;
        private final CapturingResponse response;

        FinishWhenDone(Reservation.Acquired reservation, CapturingResponse response) {
            this.reservation = reservation;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish(reservation, response);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release(reservation);
        }

        @Override
        public void onError(AsyncEvent event) {
            release(reservation);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // listeners are dropped when async restarts
        }
    }
}
