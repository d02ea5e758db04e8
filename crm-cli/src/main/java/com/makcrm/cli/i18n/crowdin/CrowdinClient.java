package com.makcrm.cli.i18n.crowdin;

import com.makcrm.cli.i18n.crowdin.CrowdinModel.Branch;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.Build;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.Directory;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.LanguageProgress;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.SourceFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small typed client of Crowdin API v2 over {@code java.net.http}: storage upload, branches, directories, source
 * files, translation builds and language progress. Bearer-token auth; lists paginated by limit/offset; 429 and 5xx
 * answers and network failures retried, honouring Retry-After; every failure a {@link CrowdinException} saying what
 * to do.
 */
public final class CrowdinClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientSettings settings;
    private final CrowdinHttp http;

    /**
     * @param baseUrl {@code https://api.crowdin.com}, or {@code https://{org}.api.crowdin.com} for Enterprise
     * @param tokenSource where the token came from (e.g. {@code CROWDIN_PERSONAL_TOKEN}), named when it is rejected
     */
    public CrowdinClient(URI baseUrl, String token, String tokenSource, ClientSettings settings) {
        this.settings = settings;
        this.http = new CrowdinHttp(baseUrl, token, tokenSource, settings);
    }

    public static CrowdinClient of(CrowdinConfig config, ClientSettings settings) {
        return new CrowdinClient(config.baseUrl(), config.apiToken(), config.tokenSource(), settings);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Uploads {@code content} to Crowdin's storage (kept 24 hours) and returns the storage id. */
    public long uploadToStorage(String fileName, byte[] content) {
        CrowdinHttp.Call call = new CrowdinHttp.Call(
                "upload " + fileName + " to storage", "storage", "the storage API was not found at " + http.api());
        HttpRequest.Builder request = http.request("/storages")
                .header("Content-Type", "application/octet-stream")
                .header("Crowdin-API-FileName", headerFileName(fileName))
                .POST(BodyPublishers.ofByteArray(content));
        return data(http.send(call, request)).path("id").asLong();
    }

    /**
     * The file name as Crowdin expects it in the {@code Crowdin-API-FileName} header: percent-encoded, with a space
     * as {@code %20} ({@link URLEncoder} writes {@code +}, which Crowdin would keep in the name).
     */
    static String headerFileName(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Optional<Branch> findBranch(long projectId, String name) {
        CrowdinHttp.Call call = projectCall(projectId, "list branches");
        String path = "/projects/" + projectId + "/branches?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return http.list(call, path, CrowdinClient::branch).stream()
                .filter(b -> b.name().equals(name))
                .findFirst();
    }

    public Branch createBranch(long projectId, String name) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        return branch(data(http.send(
                projectCall(projectId, "create branch " + name),
                http.post("/projects/" + projectId + "/branches", body))));
    }

    /**
     * All directories of the project (of every branch too), or of one branch when {@code branchId} is not null:
     * then with {@code recursion}, as Crowdin lists only the branch's top level otherwise.
     */
    public List<Directory> listDirectories(long projectId, Long branchId) {
        String path = "/projects/" + projectId + "/directories" + branchQuery(branchId);
        return http.list(projectCall(projectId, "list directories"), path, CrowdinClient::directory);
    }

    /** Creates a directory under {@code parentId}, or at the top of the branch (or project) when it is null. */
    public Directory createDirectory(long projectId, String name, Long parentId, Long branchId) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        if (parentId != null) {
            body.put("directoryId", parentId);
        } else if (branchId != null) {
            body.put("branchId", branchId);
        }
        CrowdinHttp.Call call = projectCall(projectId, "create directory " + name);
        return directory(data(http.send(call, http.post("/projects/" + projectId + "/directories", body))));
    }

    /**
     * All source files of the project (of every branch too), or of one branch when {@code branchId} is not null:
     * then with {@code recursion}, as Crowdin lists only the files at the branch's top level otherwise.
     */
    public List<SourceFile> listFiles(long projectId, Long branchId) {
        String path = "/projects/" + projectId + "/files" + branchQuery(branchId);
        return http.list(projectCall(projectId, "list files"), path, CrowdinClient::sourceFile);
    }

    /** The query selecting one branch, nested directories included; empty for the whole project. */
    private static String branchQuery(Long branchId) {
        return branchId == null ? "" : "?branchId=" + branchId + "&recursion=true";
    }

    /**
     * Adds a gettext source file from storage; {@code exportPattern} lays out its translations in builds (e.g.
     * {@code /locales/%two_letters_code%/messages.po}). Crowdin takes either a directory or a branch, not both.
     */
    public SourceFile addFile(
            long projectId, long storageId, String name, Long directoryId, Long branchId, String exportPattern) {
        ObjectNode body = JSON.createObjectNode()
                .put("storageId", storageId)
                .put("name", name)
                .put("type", "gettext");
        if (directoryId != null) {
            body.put("directoryId", directoryId);
        } else if (branchId != null) {
            body.put("branchId", branchId);
        }
        body.putObject("exportOptions").put("exportPattern", exportPattern);
        CrowdinHttp.Call call = projectCall(projectId, "add file " + name);
        return sourceFile(data(http.send(call, http.post("/projects/" + projectId + "/files", body))));
    }

    /**
     * Replaces a source file's content with the storage's (Crowdin keeps translations of unchanged strings) and
     * sets its export pattern, so a changed translation pattern in crowdin.yml reaches Crowdin too.
     */
    public SourceFile updateFile(long projectId, long fileId, long storageId, String exportPattern) {
        ObjectNode body = JSON.createObjectNode().put("storageId", storageId);
        body.putObject("exportOptions").put("exportPattern", exportPattern);
        CrowdinHttp.Call call = new CrowdinHttp.Call(
                "update file " + fileId,
                "project",
                "file " + fileId + " not found in project " + projectId + " (deleted meanwhile?), or project "
                        + projectId + " not visible to this token");
        HttpRequest.Builder request = http.request("/projects/" + projectId + "/files/" + fileId)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        return sourceFile(data(http.send(call, request)));
    }

    /** Starts a build of the project's translations (of one branch when {@code branchId} is not null). */
    public Build startBuild(long projectId, Long branchId) {
        ObjectNode body = JSON.createObjectNode();
        if (branchId != null) {
            body.put("branchId", branchId);
        }
        CrowdinHttp.Call call = new CrowdinHttp.Call("build translations", "translation", projectNotFound(projectId));
        return build(data(http.send(call, http.post("/projects/" + projectId + "/translations/builds", body))));
    }

    public Build buildStatus(long projectId, long buildId) {
        CrowdinHttp.Call call = new CrowdinHttp.Call(
                "check build " + buildId, "translation", "build " + buildId + " not found in project " + projectId);
        return build(data(http.send(
                call,
                http.request("/projects/" + projectId + "/translations/builds/" + buildId)
                        .GET())));
    }

    /** The short-lived URL of a finished build's archive. */
    public URI buildDownloadUrl(long projectId, long buildId) {
        CrowdinHttp.Call call = new CrowdinHttp.Call(
                "download build " + buildId, "translation", "build " + buildId + " not found in project " + projectId);
        String path = "/projects/" + projectId + "/translations/builds/" + buildId + "/download";
        return URI.create(
                data(http.send(call, http.request(path).GET())).path("url").asString());
    }

    /**
     * Fetches a build archive. The URL is pre-signed: it carries its own authorization, so the bearer token is
     * not sent (object stores reject a second credential, and the token should not leave Crowdin).
     */
    public byte[] download(URI url) {
        CrowdinHttp.Call call = new CrowdinHttp.Call(
                "download the translations archive",
                "translation",
                "the archive at " + CrowdinHttp.redacted(url) + " has expired or does not exist; run the build again");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).GET();
        return http.bytes(call, request);
    }

    /** Translation and approval progress per target language, of the whole project. */
    public List<LanguageProgress> languageProgress(long projectId) {
        return languageProgress(projectId, null);
    }

    /** Translation and approval progress per target language, of one branch when {@code branchId} is not null. */
    public List<LanguageProgress> languageProgress(long projectId, Long branchId) {
        String path =
                "/projects/" + projectId + (branchId == null ? "" : "/branches/" + branchId) + "/languages/progress";
        CrowdinHttp.Call call = branchId == null
                ? projectCall(projectId, "read language progress")
                : new CrowdinHttp.Call(
                        "read language progress",
                        "project",
                        "branch " + branchId + " not found in project " + projectId
                                + " (deleted meanwhile?), or project " + projectId + " not visible to this token");
        return http.list(call, path, CrowdinClient::progress);
    }

    private static CrowdinHttp.Call projectCall(long projectId, String action) {
        return new CrowdinHttp.Call(action, "project", projectNotFound(projectId));
    }

    private static String projectNotFound(long projectId) {
        return "project " + projectId + " not found or not visible to this token (check project_id)";
    }

    /** Crowdin wraps every resource in {@code {"data": ...}}. */
    private static JsonNode data(JsonNode body) {
        return body.path("data");
    }

    // --- resources

    private static Long optionalId(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }

    private static Branch branch(JsonNode d) {
        return new Branch(d.path("id").asLong(), d.path("name").asString(""));
    }

    private static Directory directory(JsonNode d) {
        return new Directory(
                d.path("id").asLong(),
                d.path("name").asString(""),
                optionalId(d, "directoryId"),
                optionalId(d, "branchId"));
    }

    private static SourceFile sourceFile(JsonNode d) {
        return new SourceFile(
                d.path("id").asLong(),
                d.path("name").asString(""),
                optionalId(d, "directoryId"),
                optionalId(d, "branchId"),
                d.path("path").asString(""));
    }

    private static Build build(JsonNode d) {
        return new Build(
                d.path("id").asLong(),
                d.path("status").asString(""),
                d.path("progress").asInt(0));
    }

    private static LanguageProgress progress(JsonNode d) {
        JsonNode words = d.path("words");
        return new LanguageProgress(
                d.path("languageId").asString(""),
                d.path("language").path("name").asString(d.path("languageId").asString("")),
                d.path("translationProgress").asInt(0),
                d.path("approvalProgress").asInt(0),
                words.path("total").asLong(0),
                words.path("translated").asLong(0),
                words.path("approved").asLong(0));
    }

    void pause(Duration duration) {
        http.pause(duration);
    }
}
