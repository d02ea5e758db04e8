package com.makcrm.server.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API rate limit per credential ({@code crm.rate-limit.*}; also {@code CRM_RATE_LIMIT_PER_MINUTE}).
 *
 * @param requestsPerMinute requests one access token's user or one API key may make in a one-minute window; 0 turns
 *     rate limiting off
 */
@ConfigurationProperties("crm.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int requestsPerMinute) {

    public RateLimitProperties {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException(
                    "crm.rate-limit.requests-per-minute (CRM_RATE_LIMIT_PER_MINUTE) must be 0 (off) or more, but is "
                            + requestsPerMinute);
        }
    }

    public boolean enabled() {
        return requestsPerMinute > 0;
    }
}
