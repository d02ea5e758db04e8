package com.makcrm.server.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health checks of our own ({@code crm.health.*}).
 *
 * @param storageTimeout how long the {@code storage} check waits for the store: short, as Kubernetes gives a probe
 *     one second by default and a hanging store must not hold the whole readiness check
 */
@ConfigurationProperties("crm.health")
record HealthProperties(@DefaultValue("1s") Duration storageTimeout) {}
