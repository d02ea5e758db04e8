package com.makcrm.server.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (a filter failed, the container rejected the request) end up at
 * {@code /error}; they get a problem detail like everything else instead of Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status < 400) {
            status = 500;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && failure instanceof Throwable t) {
            log.error(
                    "request to {} failed outside the controllers",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    t);
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, detailFor(type), request);
        problem.setStatus(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "no resource at this path";
            case INVALID -> "the request is malformed";
            case PAYLOAD_TOO_LARGE -> "the request is too large";
            case INTERNAL -> "an unexpected error occurred";
            default -> type.title();
        };
    }
}
