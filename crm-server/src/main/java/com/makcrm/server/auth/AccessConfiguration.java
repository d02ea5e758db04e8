package com.makcrm.server.auth;

import com.makcrm.core.CrmCore;
import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.ThrottlePolicy;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/** The access feature of crm-core as beans, plus what signs and checks bearer credentials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);
    private static final int MIN_SECRET_BYTES = 32; // HS256 needs a key as long as its output (RFC 7518 §3.2)

    /** The HMAC key of access tokens, shared by the encoder and the decoder only. */
    record SigningKey(SecretKey key) {}

    @Bean
    AccessServices accessServices(DataSource dataSource, CrmCore core, AuthProperties properties) {
        AccessServices.Settings settings = new AccessServices.Settings(
                properties.password().params(),
                AuthProperties.Throttle.policy(properties.accountThrottle(), ThrottlePolicy.ACCOUNT_DEFAULT),
                AuthProperties.Throttle.policy(properties.addressThrottle(), ThrottlePolicy.ADDRESS_DEFAULT),
                properties.refreshTokenLifetime());
        return new AccessServices(dataSource, core.tenants(), settings, Clock.systemUTC());
    }

    @Bean
    SigningKey accessTokenSigningKey(AuthProperties properties) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.isBlank()) {
            log.warn(
                    "CRM_JWT_SECRET is not set: access tokens are signed with a random key of this process."
                            + " They stop working on restart and other instances reject them. Set CRM_JWT_SECRET"
                            + " (at least {} bytes, e.g. the output of 'openssl rand -base64 48') outside development.",
                    MIN_SECRET_BYTES);
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new SigningKey(new SecretKeySpec(random, "HmacSHA256"));
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("CRM_JWT_SECRET (crm.auth.jwt-secret) must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256, but has " + bytes.length);
        }
        return new SigningKey(new SecretKeySpec(bytes, "HmacSHA256"));
    }

    @Bean
    AccessTokens accessTokens(SigningKey key, AuthProperties properties) {
        return new AccessTokens(
                new NimbusJwtEncoder(new ImmutableSecret<>(key.key())),
                properties.issuer(),
                properties.accessTokenLifetime(),
                Clock.systemUTC());
    }

    @Bean
    JwtDecoder accessTokenDecoder(SigningKey key, AuthProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        // our issuer is a plain name, not a URL: the default converter would try (and fail, with an exception)
        // to make a URL of it on every request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        return decoder;
    }

    /** Used for bearer tokens only; there is no password form or session login on this server. */
    @Bean
    AuthenticationManager bearerAuthenticationManager(AccessServices access, JwtDecoder decoder) {
        JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(decoder);
        jwts.setJwtAuthenticationConverter(
                jwt -> new CrmAuthentication(AccessTokens.principal(jwt), jwt.getExpiresAt()));
        return new ProviderManager(new BearerAuthenticationProvider(access.apiKeys(), jwts, Clock.systemUTC()));
    }
}
