package com.makcrm.server.admin;

import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.Member;
import com.makcrm.core.access.MemberService;
import com.makcrm.server.admin.AdminApi.ListResponse;
import com.makcrm.server.admin.AdminApi.MemberView;
import com.makcrm.server.admin.AdminApi.NewMemberRequest;
import com.makcrm.server.admin.AdminApi.RoleChangeRequest;
import com.makcrm.server.auth.CrmPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members of the caller's tenant (ADMIN and OWNER). Only an OWNER may grant OWNER or change or remove an owner; the
 * last OWNER stays.
 */
@RestController
@Tag(name = "Admin: members")
@RequestMapping("/api/v1/admin/members")
class MemberController {

    private final MemberService members;

    MemberController(AccessServices access) {
        this.members = access.members();
    }

    @GetMapping
    ListResponse<MemberView> list(@AuthenticationPrincipal CrmPrincipal principal) {
        return new ListResponse<>(
                members.list(principal.actor()).stream().map(MemberView::of).toList());
    }

    @GetMapping("/{userId}")
    MemberView get(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID userId) {
        return MemberView.of(members.get(principal.actor(), userId));
    }

    /** Adds an existing account by email with a role; the person signs up first if they have none. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MemberView> add(
            @AuthenticationPrincipal CrmPrincipal principal, @RequestBody NewMemberRequest body) {
        Member m = members.add(principal.actor(), body.email(), body.role());
        return ResponseEntity.created(URI.create("/api/v1/admin/members/" + m.userId()))
                .body(MemberView.of(m));
    }

    @PatchMapping(
            path = "/{userId}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    MemberView changeRole(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID userId,
            @RequestBody RoleChangeRequest body) {
        return MemberView.of(members.changeRole(principal.actor(), userId, body.role()));
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID userId) {
        members.remove(principal.actor(), userId);
    }
}
