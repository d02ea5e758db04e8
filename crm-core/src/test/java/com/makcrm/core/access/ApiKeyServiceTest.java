package com.makcrm.core.access;

import static com.makcrm.core.access.AccessFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static AccessFixture fx;
    private static ApiKeyService keys;

    @BeforeAll
    static void setUp() {
        fx = new AccessFixture(db);
        keys = fx.access.apiKeys();
    }

    @Test
    void createdKeyResolvesToItsTenantAndRoleUntilRevoked() {
        Session owner = fx.signup();
        ApiKeyService.Created created = keys.create(actor(owner), "  CI import ", "member");

        assertThat(created.token()).matches("crm_[a-z0-9]{8}_[A-Za-z0-9]{43}");
        assertThat(created.token()).startsWith("crm_" + created.key().prefix() + "_");
        assertThat(created.key().name()).isEqualTo("CI import");
        ApiKeyPrincipal p = keys.resolve(created.token()).orElseThrow();
        assertThat(p.tenant()).isEqualTo(owner.tenant());
        assertThat(p.role()).isEqualTo(Role.MEMBER);
        assertThat(keys.list(actor(owner)).get(0).lastUsedAt()).isNotNull();

        keys.revoke(actor(owner), created.key().id());

        assertThat(keys.resolve(created.token())).isEmpty();
        assertThat(keys.list(actor(owner)))
                .singleElement()
                .satisfies(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void onlyTheSecretsHashIsStored() {
        Session owner = fx.signup();
        String token = keys.create(actor(owner), "hashed", "READ_ONLY").token();
        String secret = token.substring(token.lastIndexOf('_') + 1);
        TestSql sql = new TestSql(db.dataSource());

        assertThat(sql.count("select count(*) from crm_control.api_key k where position(? in k::text) > 0", secret))
                .isZero();
        assertThat(sql.count(
                        "select count(*) from crm_control.api_key where secret_hash = sha256(convert_to(?, 'UTF8'))",
                        secret))
                .isEqualTo(1);
    }

    @Test
    void tamperedOrMalformedKeysResolveToNothing() {
        Session owner = fx.signup();
        String token = keys.create(actor(owner), "tamper", "ADMIN").token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertThat(keys.resolve(tampered)).isEmpty();
        assertThat(keys.resolve("crm_short_x")).isEmpty();
        assertThat(keys.resolve("crm_" + token.substring(4).replace('_', '-'))).isEmpty();
        assertThat(keys.resolve(null)).isEmpty();
    }

    @Test
    void keyRoleCannotExceedTheCreatorsRole() {
        Session owner = fx.signup();
        Actor admin = Actor.user(owner.tenant().id(), owner.userId(), Role.ADMIN);
        assertThatThrownBy(() -> keys.create(admin, "too strong", "OWNER"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN));
        Actor member = Actor.user(owner.tenant().id(), owner.userId(), Role.MEMBER);
        assertThatThrownBy(() -> keys.create(member, "not allowed", "READ_ONLY"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN));
        assertThatThrownBy(() -> keys.create(actor(owner), " ", "SUPERUSER"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.fieldErrors()).hasSize(2));
    }

    @Test
    void keysOfAnotherTenantAreInvisible() {
        Session mine = fx.signup();
        Session theirs = fx.signup();
        ApiKeyService.Created their = keys.create(actor(theirs), "theirs", "ADMIN");

        assertThat(keys.list(actor(mine))).isEmpty();
        assertThatThrownBy(() -> keys.revoke(actor(mine), their.key().id()))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
        assertThat(keys.resolve(their.token())).isPresent();
    }

    @Test
    void keysOfASuspendedTenantStopWorking() {
        Session owner = fx.signup();
        String token = keys.create(actor(owner), "paused", "MEMBER").token();
        fx.core.tenants().suspend(owner.tenant().slug(), "test");
        assertThat(keys.resolve(token)).isEmpty();
        fx.core.tenants().resume(owner.tenant().slug(), "test");
        assertThat(keys.resolve(token)).isPresent();
    }
}
