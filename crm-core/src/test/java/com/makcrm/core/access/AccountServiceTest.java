package com.makcrm.core.access;

import static com.makcrm.core.access.AccessFixture.PASSWORD;
import static com.makcrm.core.access.AccessFixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static AccessFixture fx;
    private static AccountService accounts;
    private static TestSql sql;

    @BeforeAll
    static void setUp() {
        fx = new AccessFixture(db);
        accounts = fx.access.accounts();
        sql = new TestSql(db.dataSource());
    }

    @Test
    void signupCreatesUserTenantAndOwnerMembership() {
        String email = email();
        Session s = accounts.signup("  " + email.toUpperCase(Locale.ROOT) + " ", PASSWORD, "ООО Ромашка " + uniq());

        assertThat(s.email()).isEqualTo(email);
        assertThat(s.role()).isEqualTo(Role.OWNER);
        assertThat(s.tenant().slug()).startsWith("ooo-romashka-");
        assertThat(fx.core.tenants().get(s.tenant().slug()).status().name()).isEqualTo("ACTIVE");
        assertThat(sql.one("select role from crm_control.membership where user_id = ?", s.userId()))
                .isEqualTo("OWNER");
        assertThat((String) sql.one("select password_hash from crm_control.user_account where id = ?", s.userId()))
                .startsWith("$argon2id$v=19$m=1024,t=1,p=1$")
                .doesNotContain(PASSWORD);
    }

    @Test
    void signupWithSameTenantNameGetsItsOwnTenantWithNextSlug() {
        String name = "Acme " + uniq();
        Session first = accounts.signup(email(), PASSWORD, name);
        Session second = accounts.signup(email(), PASSWORD, name);

        assertThat(second.tenant().id()).isNotEqualTo(first.tenant().id());
        assertThat(second.tenant().slug()).isEqualTo(first.tenant().slug() + "-2");
        assertThat(sql.count(
                        "select count(*) from crm_control.membership where tenant_id = ?",
                        first.tenant().id()))
                .isEqualTo(1);
    }

    @Test
    void signupWithReservedWordAsNameStillFindsASlug() {
        Session s = accounts.signup(email(), PASSWORD, "Admin");
        assertThat(s.tenant().slug()).matches("admin(-.+)?").isNotEqualTo("admin");
    }

    @Test
    void duplicateEmailIsConflictAndCreatesNoTenant() {
        String email = email();
        accounts.signup(email, PASSWORD, "First " + uniq());
        long tenantsBefore = sql.count("select count(*) from crm_control.tenant");

        assertThatThrownBy(() -> accounts.signup(email.toUpperCase(Locale.ROOT), PASSWORD, "Second " + uniq()))
                .isInstanceOf(CrmException.class)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.CONFLICT);
        assertThat(sql.count("select count(*) from crm_control.tenant")).isEqualTo(tenantsBefore);
    }

    @Test
    void concurrentSignupsWithOneEmailGiveOneAccountAndOneTenant() throws Exception {
        String email = email();
        long activeBefore = sql.count("select count(*) from crm_control.tenant where status = 'ACTIVE'");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Session>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String name = "Race " + uniq();
                results.add(pool.submit(() -> {
                    start.await();
                    return accounts.signup(email, PASSWORD, name);
                }));
            }
            start.countDown();
            int ok = 0;
            int conflicts = 0;
            for (Future<Session> f : results) {
                try {
                    f.get();
                    ok++;
                } catch (ExecutionException e) {
                    assertThat(((CrmException) e.getCause()).category()).isEqualTo(ErrorCategory.CONFLICT);
                    conflicts++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql.count("select count(*) from crm_control.user_account where email = ?", email))
                .isEqualTo(1);
        assertThat(sql.count("select count(*) from crm_control.tenant where status = 'ACTIVE'"))
                .isEqualTo(activeBefore + 1);
    }

    @Test
    void signupReportsEveryInvalidField() {
        assertThatThrownBy(() -> accounts.signup("not-an-email", "aaaaaaaaaaaa", " "))
                .isInstanceOf(CrmException.class)
                .satisfies(e -> assertThat(((CrmException) e).fieldErrors())
                        .extracting(FieldError::field)
                        .containsExactly("email", "password", "tenantName"));
    }

    @Test
    void failedTenantProvisioningLeavesNoUser() {
        AccessFixture broken = new AccessFixture(db, List.of("classpath:db/test-failing"));
        String email = email();

        assertThatThrownBy(() -> broken.access.accounts().signup(email, PASSWORD, "Broken " + uniq()))
                .isInstanceOf(CrmException.class);

        assertThat(sql.count("select count(*) from crm_control.user_account where email = ?", email))
                .isZero();
        // and the email is free for a later, successful sign-up
        assertThat(accounts.signup(email, PASSWORD, "Fixed " + uniq()).email()).isEqualTo(email);
    }

    @Test
    void loginWithRightPasswordGivesTheOnlyTenant() {
        String email = email();
        Session signedUp = accounts.signup(email, PASSWORD, "Solo " + uniq());

        Session s = accounts.login(email.toUpperCase(Locale.ROOT), PASSWORD, null, "10.9.0.1");

        assertThat(s).isEqualTo(signedUp);
    }

    @Test
    void wrongPasswordAndUnknownEmailFailTheSameWay() {
        String email = email();
        accounts.signup(email, PASSWORD, "Wrong " + uniq());

        assertThatThrownBy(() -> accounts.login(email, "wrong password!", null, null))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("invalid email or password");
        assertThatThrownBy(() -> accounts.login(email(), PASSWORD, null, null))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("invalid email or password");
    }

    @Test
    void fiveFailuresLockTheAccountWithGrowingLockouts() {
        String email = email();
        accounts.signup(email, PASSWORD, "Locked " + uniq());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.login(email, "wrong password!", null, null))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        // locked: even the right password is refused without being checked
        assertThatThrownBy(() -> accounts.login(email, PASSWORD, null, null))
                .isInstanceOfSatisfying(
                        TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));

        fx.clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> accounts.login(email, "wrong password!", null, null))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> accounts.login(email, PASSWORD, null, null))
                .isInstanceOfSatisfying(
                        TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));

        fx.clock.advance(Duration.ofSeconds(61));
        assertThat(accounts.login(email, PASSWORD, null, null).email()).isEqualTo(email);
        // success resets the count: one more failure does not lock
        assertThatThrownBy(() -> accounts.login(email, "wrong password!", null, null))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(accounts.login(email, PASSWORD, null, null).email()).isEqualTo(email);
    }

    @Test
    void unknownEmailsAreLockedLikeKnownOnes() {
        String unknown = email();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.login(unknown, PASSWORD, null, null))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> accounts.login(unknown, PASSWORD, null, null))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccount() {
        String address = "192.0.2." + (int) (Math.random() * 250);
        String victim = email();
        accounts.signup(victim, PASSWORD, "Victim " + uniq());
        for (int i = 0; i < AccessFixture.ADDRESS_THROTTLE.threshold(); i++) {
            String sprayed = email(); // a different account each time: no account lock
            assertThatThrownBy(() -> accounts.login(sprayed, PASSWORD, null, address))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        assertThatThrownBy(() -> accounts.login(victim, PASSWORD, null, address))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(accounts.login(victim, PASSWORD, null, "198.51.100.7").email())
                .isEqualTo(victim);
    }

    @Test
    void userInTwoTenantsMustNameOne() {
        String email = email();
        Session own = accounts.signup(email, PASSWORD, "Home " + uniq());
        Session other = fx.signup();
        fx.access.members().add(AccessFixture.actor(other), email, "MEMBER");

        assertThatThrownBy(() -> accounts.login(email, PASSWORD, null, null))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("tenant");
                    assertThat(e.getMessage())
                            .contains(own.tenant().slug())
                            .contains(other.tenant().slug());
                });

        Session inOther = accounts.login(email, PASSWORD, other.tenant().slug(), null);
        assertThat(inOther.tenant()).isEqualTo(other.tenant());
        assertThat(inOther.role()).isEqualTo(Role.MEMBER);
        assertThat(accounts.login(email, PASSWORD, own.tenant().slug(), null).role())
                .isEqualTo(Role.OWNER);
    }

    @Test
    void loginToATenantOfSomeoneElseIsForbidden() {
        String email = email();
        accounts.signup(email, PASSWORD, "Mine " + uniq());
        Session stranger = fx.signup();

        assertThatThrownBy(
                        () -> accounts.login(email, PASSWORD, stranger.tenant().slug(), null))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN))
                .isNotInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void suspendedTenantCannotBeSignedInTo() {
        String email = email();
        Session s = accounts.signup(email, PASSWORD, "Paused " + uniq());
        fx.core.tenants().suspend(s.tenant().slug(), "test");

        assertThatThrownBy(() -> accounts.login(email, PASSWORD, null, null))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN));
        assertThatThrownBy(() -> accounts.login(email, PASSWORD, s.tenant().slug(), null))
                .hasMessageContaining("suspended");
    }

    private static String uniq() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
