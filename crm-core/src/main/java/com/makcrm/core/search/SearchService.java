package com.makcrm.core.search;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.tenant.TenantScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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
            throw CrmException.invalid("limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Set<String> chosen = objects == null || objects.isEmpty() ? OBJECTS : objects;
        for (String o : chosen) {
            if (!OBJECTS.contains(o)) {
                throw CrmException.invalid("objects: '" + o + "' is not searchable; use " + OBJECTS);
            }
        }
        List<String> terms = SearchTerms.parse(query);
        String sql = sql(chosen, terms);
        return tx.read(scope.schema(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, SearchTerms.prefix(terms.get(0)));
                ps.setString(i++, String.join(" ", terms));
                for (int source = 0; source < sources(chosen).size(); source++) {
                    i = bind(ps, i, terms);
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
        });
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
     * Each source filtered by every term (substring, or similar word for longer terms); ranked by word similarity
     * of the whole query, with a boost when the name starts with the first term.
     */
    private static String sql(Set<String> objects, List<String> terms) {
        StringBuilder union = new StringBuilder();
        for (String source : sources(objects)) {
            if (!union.isEmpty()) {
                union.append(" union all ");
            }
            union.append("(").append(source);
            for (String t : terms) {
                union.append(
                        t.length() >= MIN_FUZZY_LENGTH
                                ? " and (search_doc like ? or ? <% search_doc)"
                                : " and search_doc like ?");
            }
            union.append(")");
        }
        return "select object, id, title, subtitle, (case when name like ? then 1 else 0 end)"
                + " + word_similarity(?, search_doc) as score from (" + union + ") hits"
                + " order by score desc, title, id limit ?";
    }

    private static int bind(PreparedStatement ps, int index, List<String> terms) throws java.sql.SQLException {
        int i = index;
        for (String t : terms) {
            ps.setString(i++, SearchTerms.contains(t));
            if (t.length() >= MIN_FUZZY_LENGTH) {
                ps.setString(i++, t);
            }
        }
        return i;
    }
}
