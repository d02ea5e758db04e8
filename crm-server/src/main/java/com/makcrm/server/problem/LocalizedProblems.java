package com.makcrm.server.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Translates every problem Spring MVC writes ({@link ProblemAdvice}, {@link ProblemErrorController}) just before it
 * is written; problems written by filters go through {@link Problems#write} instead.
 */
@RestControllerAdvice
class LocalizedProblems implements ResponseBodyAdvice<Object> {

    private final ProblemLanguage language;

    LocalizedProblems(ProblemLanguage language) {
        this.language = language;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // the body's type is only known in beforeBodyWrite (ResponseEntity<?>)
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            HttpHeaders headers = response.getHeaders();
            List<String> vary = headers.getOrEmpty(HttpHeaders.VARY);
            language.localize(problem, language.of(http), vary, headers::set);
        }
        return body;
    }
}
