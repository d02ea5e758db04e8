package com.makcrm.server.api;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.ValidationMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses query parameters an endpoint does not know ({@code ?fitler=...} would otherwise silently list everything):
 * the known ones are the handler's {@code @RequestParam}s. Multipart form fields are not query parameters and are
 * left to the handler.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final ConcurrentMap<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Set<String> names = known.computeIfAbsent(method, KnownParameters::parameterNames);
        List<FieldError> errors = new ArrayList<>();
        for (String name : queryParameterNames(request.getQueryString())) {
            if (!names.contains(name)) {
                errors.add(
                        names.isEmpty()
                                ? FieldError.of(name, ValidationMessages.UNKNOWN_PARAMETER_NONE, Map.of("field", name))
                                : FieldError.of(
                                        name,
                                        ValidationMessages.UNKNOWN_PARAMETER,
                                        Map.of("field", name, "known", names.toString())));
            }
        }
        if (!errors.isEmpty()) {
            throw CrmException.invalidFields(errors);
        }
        return true;
    }

    private static Set<String> parameterNames(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                names.add(name.isEmpty() ? p.getParameterName() : name);
            }
        }
        return names;
    }

    private static Set<String> queryParameterNames(String query) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(query.split("&")).filter(s -> !s.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            names.add(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        });
        return names;
    }
}
