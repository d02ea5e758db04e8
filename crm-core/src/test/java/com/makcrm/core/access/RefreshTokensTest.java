package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TestSql;
import com.makcrm.core.testsupport.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefreshTokensTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static AccessFixture fx;
    private static RefreshTokens tokens;
    private static Session session;

    @BeforeAll
    static void setUp() {
        fx = new AccessFixture(db);
        tokens = fx.access.refreshTokens();
        session = fx.signup();
    }

    @Test
    void rotationIssuesANewTokenAndUsesUpTheOld() {
        String first = tokens.issue(session);
        RefreshTokens.Rotation r = tokens.rotate(first);

        assertThat(r.session()).isEqualTo(session);
        assertThat(r.refreshToken()).isNotEqualTo(first).hasSize(43);
        assertThat(tokens.rotate(r.refreshToken()).session()).isEqualTo(session);
    }

    @Test
    void reusingAUsedTokenRevokesTheWholeFamily() {
        String first = tokens.issue(session);
        String second = tokens.rotate(first).refreshToken();
        String unrelated = tokens.issue(session);

        assertThatThrownBy(() -> tokens.rotate(first))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("already used");
        // the legitimate holder of the newest token is logged out too: we cannot tell thief from owner
        assertThatThrownBy(() -> tokens.rotate(second)).isInstanceOf(AuthenticationFailedException.class);
        // other logins (other families) are unaffected
        assertThat(tokens.rotate(unrelated).session()).isEqualTo(session);
    }

    @Test
    void logoutRevokesTheFamilyAndIsIdempotent() {
        String first = tokens.issue(session);
        String second = tokens.rotate(first).refreshToken();

        tokens.revoke(first);
        tokens.revoke(first);
        tokens.revoke("garbage");

        assertThatThrownBy(() -> tokens.rotate(second)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void expiredTokensAreRefused() {
        String token = tokens.issue(session);
        Duration jump = AccessServices.Settings.DEFAULT_REFRESH_TOKEN_LIFETIME.plusSeconds(1);
        fx.clock.advance(jump);
        try {
            assertThatThrownBy(() -> tokens.rotate(token)).isInstanceOf(AuthenticationFailedException.class);
        } finally {
            fx.clock.advance(jump.negated()); // back, for the other tests
        }
    }

    @Test
    void tokensAreStoredOnlyAsHashesAndGarbageIsRefused() {
        String token = tokens.issue(session);
        TestSql sql = new TestSql(db.dataSource());
        assertThat(sql.count(
                        "select count(*) from crm_control.refresh_token where token_hash = sha256(convert_to(?, 'UTF8'))",
                        token))
                .isEqualTo(1);
        assertThat(sql.count(
                        "select count(*) from crm_control.refresh_token r where position(? in r::text) > 0", token))
                .isZero();
        assertThatThrownBy(() -> tokens.rotate("not a token")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> tokens.rotate(null)).isInstanceOf(AuthenticationFailedException.class);
    }
}
