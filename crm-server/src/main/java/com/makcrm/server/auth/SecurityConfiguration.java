package com.makcrm.server.auth;

import com.makcrm.server.problem.AccessProblems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer authentication and the role matrix, by request path and method:
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>requests</th><th>READ_ONLY</th><th>MEMBER</th><th>ADMIN</th><th>OWNER</th></tr>
 *   <tr><td>{@code /api/v1/auth/**} (sign-up, login, refresh, logout)</td><td colspan="4">anyone</td></tr>
 *   <tr><td>{@code /actuator/health/**}, {@code /actuator/info}, {@code /actuator/prometheus}, API docs
 *       ({@code /v3/api-docs/**}, {@code /swagger-ui/**})</td><td colspan="4">anyone</td></tr>
 *   <tr><td>any other {@code /actuator/**}</td><td colspan="4">nobody</td></tr>
 *   <tr><td>{@code /api/v1/me} (one's own profile: read and change)</td><td>yes</td><td>yes</td><td>yes</td>
 *       <td>yes</td></tr>
 *   <tr><td>GET/HEAD {@code /api/v1/**} (records, search, metadata)</td><td>yes</td><td>yes</td><td>yes</td>
 *       <td>yes</td></tr>
 *   <tr><td>other methods on {@code /api/v1/**} (record writes)</td><td>-</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>writes to {@code /api/v1/metadata/**} (custom fields) and {@code /api/v1/pipelines/**} (pipelines and
 *       stages); all of {@code /api/v1/admin/**} (members, API keys)</td>
 *       <td>-</td><td>-</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>{@code /api/v1/tenant/**} (tenant settings); granting, changing or removing OWNER</td><td>-</td><td>-</td>
 *       <td>-</td><td>yes</td></tr>
 * </table>
 *
 * <p>Rules about owners and key roles are checked again in crm-core's access services, so they hold whatever the
 * entry point.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager bearer, AccessProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to ride on
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(bearerTokensOutsideAuth())
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // for the scraper; nginx keeps /actuator off the internet (or use CRM_MANAGEMENT_PORT)
                        .requestMatchers("/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .denyAll()
                        .requestMatchers("/api/v1/me")
                        .hasRole("READ_ONLY") // everyone's own profile, whatever their role
                        .requestMatchers("/api/v1/tenant/**")
                        .hasRole("OWNER")
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("READ_ONLY")
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasRole("READ_ONLY")
                        .requestMatchers("/api/v1/metadata/**", "/api/v1/pipelines/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .hasRole("MEMBER")
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /**
     * No observation around each of Spring Security's filters: on every request that costs more than it tells.
     * HTTP request metrics ({@code http.server.requests}) are kept.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The auth endpoints take no bearer credential: a client that still sends its expired access token along with a
     * refresh (or login) must not be turned away for it.
     */
    private static BearerTokenResolver bearerTokensOutsideAuth() {
        RequestMatcher authEndpoints = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/auth/**");
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> authEndpoints.matches(request) ? null : header.resolve(request);
    }
}
