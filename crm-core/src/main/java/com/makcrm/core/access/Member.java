package com.makcrm.core.access;

import java.time.Instant;
import java.util.UUID;

/** A user's membership in the caller's tenant. */
public record Member(UUID userId, String email, String displayName, Role role, Instant since) {}
