package com.makcrm.server.auth;

import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.ProfileService;
import com.makcrm.core.access.UserProfile;
import com.makcrm.server.auth.AuthApi.TenantView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own profile: any role may read and change it. API keys have none (403). The saved
 * {@code locale} is the language of the user's notifications, and of API errors sent without
 * {@code Accept-Language}.
 */
@RestController
@Tag(name = "Profile")
@RequestMapping("/api/v1/me")
class ProfileController {

    private final ProfileService profiles;

    ProfileController(AccessServices access) {
        this.profiles = access.profiles();
    }

    @GetMapping
    @Operation(summary = "The signed-in user's profile, in the tenant the access token is for")
    ProfileView get(@AuthenticationPrincipal CrmPrincipal principal) {
        return ProfileView.of(profiles.get(principal.actor()));
    }

    @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(
            summary = "Change the signed-in user's name or language",
            description = "A JSON merge patch: a field left out stays as it is, null clears it. Unknown fields, a"
                    + " language without a translation, or a name longer than 200 characters are refused (400)"
                    + " and nothing is changed.")
    ProfileView update(
            @AuthenticationPrincipal CrmPrincipal principal,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ProfilePatch.class)))
                    @RequestBody
                    Map<String, Object> patch) {
        return ProfileView.of(profiles.update(principal.actor(), patch));
    }

    @Schema(name = "ProfilePatch", description = "Fields of the profile to change; null clears one")
    record ProfilePatch(
            @Schema(description = "Name shown to other members", example = "Anna Petrova", maxLength = 200)
            String displayName,

            @Schema(
                    description = "Language of notifications and of API errors sent without"
                            + " Accept-Language: a BCP 47 tag of a language with a translation (en, ru;"
                            + " a region such as ru-RU is kept for number and date formats)",
                    example = "ru")
            String locale) {}

    @Schema(name = "Profile")
    record ProfileView(
            UUID id,
            String email,
            String displayName,

            @Schema(description = "Preferred language (BCP 47), null when not set: English is used", example = "ru")
            String locale,

            TenantView tenant,

            @Schema(description = "The user's role in this tenant", example = "MEMBER")
            String role,

            Instant updatedAt) {

        static ProfileView of(UserProfile p) {
            return new ProfileView(
                    p.id(),
                    p.email(),
                    p.displayName(),
                    p.locale(),
                    new TenantView(
                            p.tenant().id(), p.tenant().slug(), p.tenant().name()),
                    p.role().name(),
                    p.updatedAt());
        }
    }
}
