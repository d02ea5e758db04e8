package com.makcrm.core.search;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.tenant.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One search across people, companies and opportunities of a tenant: names, emails, phones, domains and text
 * custom fields, Russian or English, by substring and prefix, and typo-tolerant through trigram word similarity
 * (pg_trgm). Every record's {@code search_doc} is kept current by triggers and indexed with trigram GIN.
 */
public final class SearchService {

    public static final int MAX_LIMIT = 50;
    public static final Set<String> OBJECTS = Set.of("person", "company", "opportunity");
    /** Words this short match as substrings only: fuzzy matching on two letters finds everything. */
    private static final int MIN_FUZZY_LENGTH = 4;
    /** Matches per object that are ranked; beyond it a common word's matches are not worth scoring. */
    private static final int CANDIDATES_PER_OBJECT = 100;

    private static final String PERSON = "select 'person' as object, id,"
            + " nullif(concat_ws(' ', first_name, last_name), '') as title, coalesce(primary_email, primary_phone,"
            + " job_title) as subtitle, search_doc, lower(concat_ws(' ', first_name, last_name)) as name"
            + " from person where deleted_at is null";
    private static final String COMPANY = "select 'company' as object, id, name as title, domain as subtitle,"
            + " search_doc, lower(name) as name from company where deleted_at is null";
    private static final String OPPORTUNITY = "select 'opportunity' as object, id, name as title, stage as subtitle,"
            + " search_doc, lower(name) as name from opportunity where deleted_at is null";

    private final TenantTransactions tx;

    public SearchService(TenantTransactions tx) {
        this.tx = tx;
    }

    public List<SearchHit> search(TenantScope scope, String query, Set<String> objects, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CrmException.invalid(
                    RecordMessages.OUT_OF_RANGE,
                    Map.of(
                            "field",
                            "limit",
                            "min",
                            "1",
                            "max",
                            String.valueOf(MAX_LIMIT),
                            "value",
                            String.valueOf(limit)));
        }
        Set<String> chosen = objects == null || objects.isEmpty() ? OBJECTS : objects;
        for (String o : chosen) {
            if (!OBJECTS.contains(o)) {
                throw CrmException.invalid(
                        RecordMessages.SEARCH_NOT_SEARCHABLE,
                        Map.of("field", "objects", "value", String.valueOf(o), "objects", OBJECTS.toString()));
            }
        }
        List<String> terms = SearchTerms.parse(query);
        return tx.read(scope.schema(), c -> {
            List<SearchHit> hits = run(c, chosen, terms, false, limit);
            if (hits.size() < limit && terms.stream().anyMatch(t -> t.length() >= MIN_FUZZY_LENGTH)) {
                hits = merge(hits, run(c, chosen, terms, true, limit), limit);
            }
            return hits;
        });
    }

    /**
     * Substring matches first; the typo-tolerant pass only when they are too few. Word similarity is costly per
     * candidate, and a fuzzy match on a common word has tens of thousands of candidates.
     */
    private static List<SearchHit> run(Connection c, Set<String> objects, List<String> terms, boolean fuzzy, int limit)
            throws SQLException {
        if (fuzzy) {
            // under a small LIMIT the planner prefers a sequential scan that then computes similarity everywhere
            try (PreparedStatement ps = c.prepareStatement("set local enable_seqscan = off")) {
                ps.execute();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql(objects, terms, fuzzy))) {
            int i = 1;
            ps.setString(i++, SearchTerms.prefix(terms.get(0)));
            ps.setString(i++, String.join(" ", terms));
            for (int source = 0; source < sources(objects).size(); source++) {
                i = bind(ps, i, terms, fuzzy);
                ps.setInt(i++, CANDIDATES_PER_OBJECT);
            }
            ps.setInt(i, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new SearchHit(
                            rs.getString("object"),
                            rs.getObject("id", UUID.class),
                            rs.getString("title"),
                            rs.getString("subtitle"),
                            rs.getDouble("score")));
                }
            }
            return hits;
        }
    }

    private static List<SearchHit> merge(List<SearchHit> exact, List<SearchHit> fuzzy, int limit) {
        Map<UUID, SearchHit> byId = new LinkedHashMap<>();
        exact.forEach(h -> byId.put(h.id(), h));
        fuzzy.forEach(h -> byId.putIfAbsent(h.id(), h));
        List<SearchHit> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    private static List<String> sources(Set<String> objects) {
        List<String> out = new ArrayList<>();
        if (objects.contains("person")) {
            out.add(PERSON);
        }
        if (objects.contains("company")) {
            out.add(COMPANY);
        }
        if (objects.contains("opportunity")) {
            out.add(OPPORTUNITY);
        }
        return out;
    }

    /**
     * Each source filtered by every term (substring, or with {@code fuzzy} also a similar word for longer terms) and
     * capped, then ranked by word similarity of the whole query with a boost when the name starts with the first
     * term. The cap keeps a common word's thousands of matches from being scored one by one.
     */
    private static String sql(Set<String> objects, List<String> terms, boolean fuzzy) {
        StringBuilder union = new StringBuilder();
        for (String source : sources(objects)) {
            if (!union.isEmpty()) {
                union.append(" union all ");
            }
            union.append("(").append(source);
            for (String t : terms) {
                union.append(
                        fuzzy && t.length() >= MIN_FUZZY_LENGTH
                                ? " and (search_doc like ? or ? <% search_doc)"
                                : " and search_doc like ?");
            }
            union.append(" limit ?)");
        }
        return "select object, id, title, subtitle, (case when name like ? then 1 else 0 end)"
                + " + word_similarity(?, search_doc) as score from (" + union + ") hits"
                + " order by score desc, title, id limit ?";
    }

    private static int bind(PreparedStatement ps, int index, List<String> terms, boolean fuzzy) throws SQLException {
        int i = index;
        for (String t : terms) {
            ps.setString(i++, SearchTerms.contains(t));
            if (fuzzy && t.length() >= MIN_FUZZY_LENGTH) {
                ps.setString(i++, t);
            }
        }
        return i;
    }
}
