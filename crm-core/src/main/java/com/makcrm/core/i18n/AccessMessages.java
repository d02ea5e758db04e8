package com.makcrm.core.i18n;

/**
 * Errors of accounts, logins, members, API keys and profiles ({@code access.*}) and of the tenant registry
 * ({@code tenant.*}: slugs, create, suspend, resume, delete, restore). English sources equal the texts these errors
 * carried before they were translatable, so English output does not change. Role names (OWNER, ADMIN, MEMBER,
 * READ_ONLY), tenant statuses in capitals (ACTIVE, SUSPENDED, ...), slugs, emails, ids and command-line options
 * stay untranslated.
 */
public final class AccessMessages {

    private AccessMessages() {}

    private static final String FIELD_ERROR = "Validation error, shown next to the input field named in the hint.";
    private static final String ROLES = " Role names (OWNER, ADMIN, MEMBER, READ_ONLY) stay untranslated.";
    private static final String TENANT = " A tenant is one customer organisation with its own data.";
    private static final String SLUG = " {slug}: the tenant's short name (used in URLs and commands), untranslated.";
    private static final String SLUG_RULE =
            "3-40 characters: lowercase letters, digits and ''-'', starting with a letter and not ending with ''-''";
    private static final String OPERATOR = "Error shown to an operator on the command line (crm tenant ...).";

    // sign-up and login

    public static final Message EMAIL_TAKEN = new Message(
            "access.emailTaken",
            "an account with email ''{email}'' already exists; log in instead",
            "Error detail on sign-up. {email}: the email address sent.");
    public static final Message EMAIL_REQUIRED = new Message(
            "access.emailRequired",
            "an email address is required",
            FIELD_ERROR + " Field: email (sign-up, login, adding a member).");
    public static final Message PASSWORD_REQUIRED =
            new Message("access.passwordRequired", "a password is required", FIELD_ERROR + " Field: password.");
    public static final Message PASSWORD_TOO_SHORT = new Message(
            "access.passwordTooShort",
            "must be at least {min, plural, one {# character} other {# characters}} long",
            FIELD_ERROR + " Field: password (a new password). {min}: the least number of characters.");
    public static final Message PASSWORD_TOO_LONG = new Message(
            "access.passwordTooLong",
            "must be at most {max, plural, one {# character} other {# characters}} long",
            FIELD_ERROR + " Field: password (a new password). {max}: the greatest number of characters.");
    public static final Message PASSWORD_REPEATED = new Message(
            "access.passwordRepeated",
            "must not be one character repeated",
            FIELD_ERROR + " Field: password: a new password that is the same character again and again (aaaaaaaaaa).");
    public static final Message PASSWORD_IS_EMAIL = new Message(
            "access.passwordIsEmail",
            "must not be the email address",
            FIELD_ERROR + " Field: password: a new password equal to the account's email address.");
    public static final Message TENANT_NAME_REQUIRED = new Message(
            "access.tenantNameRequired",
            "a tenant name is required",
            FIELD_ERROR + " Field: tenantName (sign-up: the name of the user's new organisation)." + TENANT);
    public static final Message TOO_LONG = new Message(
            "access.tooLong",
            "must be at most {max, plural, one {# character} other {# characters}}",
            FIELD_ERROR + " Fields: tenantName on sign-up, email on login. {max}: the limit.");
    public static final Message CONTROL_CHARACTERS = new Message(
            "access.controlCharacters",
            "must not contain control characters",
            FIELD_ERROR + " Field: tenantName on sign-up: the text holds invisible control characters.");
    public static final Message NO_FREE_SLUG = new Message(
            "access.noFreeSlug",
            "no free tenant slug could be derived from ''{name}''; choose another name",
            "Error detail on sign-up: every short name made from the organisation's name is taken. {name}: the"
                    + " organisation's name as typed." + TENANT);
    public static final Message LOGIN_FAILED = new Message(
            "access.loginFailed",
            "invalid email or password",
            "Error detail on login: the email is unknown or the password wrong (deliberately not saying which).");
    public static final Message TOO_MANY_LOGIN_ATTEMPTS = new Message(
            "access.tooManyLoginAttempts",
            "too many failed login attempts; try again in {seconds, number, ::group-off} seconds",
            "Error detail on login after repeated wrong passwords. {seconds}: whole seconds until the next try is"
                    + " allowed (use a plural in the translation).");
    public static final Message NOT_A_MEMBER_OF_TENANT = new Message(
            "access.notMemberOfTenant",
            "you are not a member of tenant ''{slug}''",
            "Error detail on login: the user named a tenant they do not belong to." + SLUG + TENANT);
    public static final Message NO_ACTIVE_TENANT = new Message(
            "access.noActiveTenant",
            "your account is not a member of any active tenant",
            "Error detail on login: every organisation of the user is suspended or deleted." + TENANT);
    public static final Message SEVERAL_TENANTS = new Message(
            "access.severalTenants",
            "your account belongs to several tenants ({slugs}); name the one to sign in to",
            FIELD_ERROR + " Field: tenant on login. {slugs}: the tenants' short names, comma-separated,"
                    + " untranslated." + TENANT);
    public static final Message TENANT_NOT_ACTIVE = new Message(
            "access.tenantNotActive",
            "tenant ''{slug}'' is {status, select, suspended {suspended} deleted {deleted} provisioning"
                    + " {provisioning} purged {purged} other {{status}}}",
            "Error detail on login: the tenant named cannot be signed in to." + SLUG
                    + " {status}: a keyword (keep the keywords, translate each branch)." + TENANT);

    // roles and permissions

    public static final Message ROLE_REQUIRED = new Message(
            "access.roleRequired",
            "only {required}{required, select, OWNER {} other { or higher}} may {action, select,"
                    + " createApiKeys {create API keys} listApiKeys {list API keys} seeApiKeys {see API keys}"
                    + " revokeApiKeys {revoke API keys} listMembers {list members} seeMembers {see members}"
                    + " addMembers {add members} grantOwner {make someone an OWNER} changeRoles {change roles}"
                    + " grantOrRevokeOwner {grant or take away the OWNER role} removeMembers {remove members}"
                    + " removeOwner {remove an OWNER} other {do this}} (your role: {role})",
            "Error detail: the caller's role is too low for what they tried. {required}: the least role needed;"
                    + " {role}: the caller's role; {action}: a keyword for what they tried (keep the keywords, translate"
                    + " each branch; the sentence may be reordered)." + ROLES);
    public static final Message KEY_ROLE_ABOVE_OWN = new Message(
            "access.apiKey.roleAboveOwn",
            "cannot create a key with role {role}, which is above your own ({own})",
            "Error detail: an API key may not get a higher role than its creator's. {role}: the role asked for;"
                    + " {own}: the caller's role." + ROLES);
    public static final Message KEY_REVOKE_ROLE = new Message(
            "access.apiKey.revokeAboveOwn",
            "cannot revoke a key with role {role} (your role: {own})",
            "Error detail: an API key with a higher role than the caller's cannot be revoked by them. {role}: the"
                    + " key's role; {own}: the caller's role." + ROLES);
    public static final Message ROLE_MISSING = new Message(
            "access.role.missing",
            "{field}: a role is required ({roles})",
            "Validation error. {field}: the input field's API name, untranslated (e.g. role); {roles}: the role"
                    + " names allowed, comma-separated." + ROLES);
    public static final Message ROLE_UNKNOWN = new Message(
            "access.role.unknown",
            "{field}: unknown role ''{value}'' (one of {roles})",
            "Validation error. {field}: the input field's API name, untranslated (e.g. role); {value}: what was"
                    + " sent; {roles}: the role names allowed, comma-separated." + ROLES);

    // API keys

    public static final Message API_KEY_NAME_REQUIRED = new Message(
            "access.apiKey.nameRequired",
            "a name is required (what the key is for)",
            FIELD_ERROR + " Field: name of a new API key (a credential for programs).");
    public static final Message API_KEY_NAME_INVALID = new Message(
            "access.apiKey.nameInvalid",
            "must be 1-{max} characters without control characters",
            FIELD_ERROR + " Field: name of a new API key. {max}: the most characters allowed (a number).");
    public static final Message API_KEY_NOT_FOUND = new Message(
            "access.apiKey.notFound",
            "API key {id} not found",
            "Error detail. {id}: the API key's id (a UUID). An API key is a credential for programs.");

    // members

    public static final Message ACCOUNT_NOT_FOUND = new Message(
            "access.member.noAccount",
            "no account with email ''{email}''; they need to sign up first",
            "Error detail when adding a member: nobody signed up with this email. {email}: the address sent.");
    public static final Message ALREADY_MEMBER = new Message(
            "access.member.alreadyMember",
            "''{email}'' is already a member of this tenant",
            "Error detail when adding a member. {email}: the person's email address." + TENANT);
    public static final Message LAST_OWNER_ROLE = new Message(
            "access.member.lastOwnerRole",
            "cannot change the role of the last OWNER; make another member OWNER first",
            "Error detail: a tenant must keep at least one member with the OWNER role." + ROLES);
    public static final Message LAST_OWNER_REMOVE = new Message(
            "access.member.lastOwnerRemove",
            "cannot remove the last OWNER; make another member OWNER first",
            "Error detail: a tenant must keep at least one member with the OWNER role." + ROLES);
    public static final Message MEMBER_NOT_FOUND = new Message(
            "access.member.notFound", "member {id} not found", "Error detail. {id}: the member's user id (a UUID).");

    // profile and tokens

    public static final Message PROFILE_NOT_MEMBER = new Message(
            "access.profile.notMember",
            "your account is no longer a member of this tenant",
            "Error detail on the user's own profile: they were removed from the organisation meanwhile." + TENANT);
    public static final Message PROFILE_ACCOUNT_GONE = new Message(
            "access.profile.accountGone",
            "your account no longer exists",
            "Error detail on the user's own profile: the account was deleted meanwhile.");
    public static final Message API_KEY_NO_PROFILE = new Message(
            "access.profile.apiKey",
            "an API key has no user profile; sign in as a user to see or change one",
            "Error detail: a program using an API key asked for the user profile, which only people have.");
    public static final Message REFRESH_TOKEN_REUSED = new Message(
            "access.refreshToken.reused",
            "refresh token was already used; the session has been revoked for safety, log in again",
            "Error detail: a refresh token (what keeps a session signed in) was presented twice, which suggests"
                    + " theft, so the whole session was ended.");
    public static final Message REFRESH_TOKEN_INVALID = new Message(
            "access.refreshToken.invalid",
            "refresh token is invalid, expired or revoked; log in again",
            "Error detail: the refresh token (what keeps a session signed in) cannot be used any more.");
    public static final Message REFRESH_TOKEN_REQUIRED = new Message(
            "access.refreshToken.required",
            "a refresh token is required",
            FIELD_ERROR + " Field: refreshToken (when refreshing a session or logging out).");

    // tenant slugs and names

    public static final Message SLUG_REQUIRED = new Message(
            "tenant.slug.required",
            "tenant slug is required (" + SLUG_RULE + ")",
            "Validation error: the tenant's short name (used in URLs and commands) is missing; the parentheses say"
                    + " what it may be." + TENANT);
    public static final Message SLUG_INVALID = new Message(
            "tenant.slug.invalid",
            "invalid tenant slug ''{slug}'': must be " + SLUG_RULE,
            "Validation error: the short name breaks the rule that follows." + SLUG + TENANT);
    public static final Message SLUG_RESERVED = new Message(
            "tenant.slug.reserved",
            "tenant slug ''{slug}'' is reserved; choose another (" + SLUG_RULE + ")",
            "Validation error: the short name is a reserved word (admin, api, www, ...)." + SLUG + TENANT);
    public static final Message NAME_LENGTH = new Message(
            "tenant.name.length",
            "tenant name must be 1-200 characters, got {length}",
            "Validation error: the organisation's display name is empty or too long. {length}: its length." + TENANT);
    public static final Message NAME_CONTROL_CHARACTERS = new Message(
            "tenant.name.controlCharacters",
            "tenant name must not contain control characters",
            "Validation error: the organisation's display name holds invisible control characters." + TENANT);

    // tenant operations

    public static final Message BUSY = new Message(
            "tenant.busy",
            "tenant ''{slug}'' is busy: another operation on it is in progress (cannot {operation, select,"
                    + " create {create} restore {restore} delete {delete} suspend {suspend} resume {resume}"
                    + " other {{operation}}} now; retry when it has finished)",
            "Error detail: two operations on one tenant at once." + SLUG
                    + " {operation}: a keyword for what was refused (keep the keywords, translate each branch)."
                    + TENANT);
    public static final Message SLUG_HELD_BY_DELETED = new Message(
            "tenant.slug.heldByDeleted",
            "tenant slug ''{slug}'' is still reserved by a deleted tenant (purge after {purgeAfter}); purge it first"
                    + " with: crm tenant delete {slug} --confirm {slug} --purge",
            OPERATOR + " A deleted tenant keeps its short name until it is purged." + SLUG
                    + " {purgeAfter}: when it will be purged automatically (an ISO timestamp). The command stays as is.");
    public static final Message EXISTS_WITH = new Message(
            "tenant.existsWith",
            "tenant ''{slug}'' already exists (status {status}, name ''{name}'')",
            OPERATOR + SLUG + " {status}: its status keyword (ACTIVE, SUSPENDED, ...), untranslated; {name}: its"
                    + " display name." + TENANT);
    public static final Message EXISTS =
            new Message("tenant.exists", "tenant ''{slug}'' already exists", "Error detail." + SLUG + TENANT);
    public static final Message WRONG_STATUS = new Message(
            "tenant.wrongStatus",
            "cannot {operation, select, suspend {suspend} resume {resume} other {{operation}}} tenant ''{slug}'':"
                    + " it is {status}, expected {expected}",
            OPERATOR + SLUG + " {operation}: a keyword (keep the keywords, translate each branch); {status},"
                    + " {expected}: status keywords (ACTIVE, SUSPENDED, ...), untranslated." + TENANT);
    public static final Message STILL_PROVISIONING = new Message(
            "tenant.stillProvisioning",
            "tenant ''{slug}'' is still being provisioned",
            "Error detail: the tenant is still being set up (its database schema created), so it cannot be deleted"
                    + " yet." + SLUG + TENANT);
    public static final Message CHANGED_WHILE_DELETING = new Message(
            "tenant.changedWhileDeleting",
            "tenant ''{slug}'' changed while deleting it; retry",
            "Error detail: someone else changed the tenant at the same moment." + SLUG + TENANT);

    // tenant restore (shown to the operator restoring a backup)

    public static final Message RESTORE_NEEDS_FORCE = new Message(
            "tenant.restore.needsForce",
            "tenant ''{slug}'' exists ({status}): restoring replaces all of its data with the backup''s; add --force"
                    + " to do that, or restore it as a new tenant with --as NEW-SLUG",
            OPERATOR + " Restoring a backup over an existing tenant." + SLUG + " {status}: its status keyword"
                    + " (ACTIVE, SUSPENDED, DELETED), untranslated. --force, --as and NEW-SLUG stay as is.");
    public static final Message RESTORE_CLONE_SLUG_TAKEN = new Message(
            "tenant.restore.cloneSlugTaken",
            "tenant ''{slug}'' already exists; choose another slug for --as",
            OPERATOR + " Restoring a backup as a new tenant under a short name that is taken." + SLUG
                    + " --as stays as is.");
    public static final Message RESTORE_SLUG_TAKEN = new Message(
            "tenant.restore.slugTaken",
            "the slug ''{slug}'' now belongs to another tenant; restore the backup as a new tenant with --as NEW-SLUG",
            OPERATOR + " The backed-up tenant is gone and another took its short name." + SLUG
                    + " --as and NEW-SLUG stay as is.");
    public static final Message RESTORE_CHANGED = new Message(
            "tenant.restore.changed",
            "tenant ''{slug}'' changed during the restore; run it again",
            OPERATOR + " Someone else changed the tenant while its backup was being restored." + SLUG);
}
