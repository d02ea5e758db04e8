package com.makcrm.core.access;

import static com.makcrm.core.access.AccessFixture.PASSWORD;
import static com.makcrm.core.access.AccessFixture.actor;
import static com.makcrm.core.access.AccessFixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static AccessFixture fx;
    private static MemberService members;

    @BeforeAll
    static void setUp() {
        fx = new AccessFixture(db);
        members = fx.access.members();
    }

    @Test
    void ownerAddsListsChangesAndRemovesMembers() {
        Session owner = fx.signup();
        Session other = fx.signup();

        Member added = members.add(actor(owner), other.email(), "member");
        assertThat(added.role()).isEqualTo(Role.MEMBER);
        assertThat(members.list(actor(owner)))
                .extracting(Member::email)
                .containsExactlyInAnyOrder(owner.email(), other.email());

        assertThat(members.changeRole(actor(owner), other.userId(), "ADMIN").role())
                .isEqualTo(Role.ADMIN);
        members.remove(actor(owner), other.userId());
        assertThat(members.list(actor(owner))).extracting(Member::userId).containsExactly(owner.userId());
    }

    @Test
    void addingUnknownEmailIsNotFoundAndExistingMemberIsConflict() {
        Session owner = fx.signup();
        assertCategory(() -> members.add(actor(owner), email(), "MEMBER"), ErrorCategory.NOT_FOUND);
        assertCategory(() -> members.add(actor(owner), owner.email(), "MEMBER"), ErrorCategory.CONFLICT);
        assertCategory(() -> members.add(actor(owner), owner.email(), "BOSS"), ErrorCategory.INVALID);
    }

    @Test
    void lastOwnerCanBeNeitherRemovedNorDowngraded() {
        Session owner = fx.signup();
        assertCategory(() -> members.remove(actor(owner), owner.userId()), ErrorCategory.CONFLICT);
        assertCategory(() -> members.changeRole(actor(owner), owner.userId(), "ADMIN"), ErrorCategory.CONFLICT);

        Session second = fx.signup();
        members.add(actor(owner), second.email(), "OWNER");
        members.changeRole(actor(owner), owner.userId(), "ADMIN");
        assertThat(members.list(actor(owner)))
                .filteredOn(m -> m.role() == Role.OWNER)
                .extracting(Member::userId)
                .containsExactly(second.userId());
    }

    @Test
    void adminsCannotTouchOwnersOrGrantOwner() {
        Session owner = fx.signup();
        Session admin = fx.signup();
        Session someone = fx.signup();
        members.add(actor(owner), admin.email(), "ADMIN");
        Actor asAdmin = Actor.user(owner.tenant().id(), admin.userId(), Role.ADMIN);

        assertCategory(() -> members.add(asAdmin, someone.email(), "OWNER"), ErrorCategory.FORBIDDEN);
        assertCategory(() -> members.changeRole(asAdmin, owner.userId(), "MEMBER"), ErrorCategory.FORBIDDEN);
        assertCategory(() -> members.remove(asAdmin, owner.userId()), ErrorCategory.FORBIDDEN);
        assertThat(members.add(asAdmin, someone.email(), "READ_ONLY").role()).isEqualTo(Role.READ_ONLY);
    }

    @Test
    void membersAndReadOnlyCannotManageMembers() {
        Session owner = fx.signup();
        for (Role role : new Role[] {Role.MEMBER, Role.READ_ONLY}) {
            Actor weak = Actor.user(owner.tenant().id(), UUID.randomUUID(), role);
            assertCategory(() -> members.list(weak), ErrorCategory.FORBIDDEN);
            assertCategory(() -> members.remove(weak, owner.userId()), ErrorCategory.FORBIDDEN);
        }
    }

    @Test
    void membersOfAnotherTenantAreNotFound() {
        Session mine = fx.signup();
        Session theirs = fx.signup();
        assertCategory(() -> members.remove(actor(mine), theirs.userId()), ErrorCategory.NOT_FOUND);
        assertCategory(() -> members.changeRole(actor(mine), theirs.userId(), "MEMBER"), ErrorCategory.NOT_FOUND);
    }

    @Test
    void removingAMemberEndsTheirSessionsInThatTenant() {
        Session owner = fx.signup();
        Session other = fx.signup();
        members.add(actor(owner), other.email(), "MEMBER");
        Session inOwners = fx.access
                .accounts()
                .login(other.email(), PASSWORD, owner.tenant().slug(), null);
        String refresh = fx.access.refreshTokens().issue(inOwners);

        members.remove(actor(owner), other.userId());

        assertThatThrownBy(() -> fx.access.refreshTokens().rotate(refresh))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static void assertCategory(ThrowingCallable call, ErrorCategory category) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(category));
    }
}
