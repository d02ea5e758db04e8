/**
 * Who may act in which tenant: user accounts and sign-up, password login with throttling, memberships with roles
 * ({@link com.makcrm.core.access.Role}), API keys and rotating refresh tokens. Plain Java over the control schema
 * ({@code crm_control}: {@code user_account}, {@code membership}, {@code api_key}, {@code refresh_token},
 * {@code login_throttle}); entry points start at {@link com.makcrm.core.access.AccessServices}.
 *
 * <p>The tenant of every operation comes from a credential (a session or an API key), never from client input.
 * Passwords are Argon2id hashes; API key secrets and refresh tokens are 256-bit random strings stored as SHA-256.
 */
package com.makcrm.core.access;
