package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles the textual query language (see the package documentation) against one object's metadata into
 * parameterized PostgreSQL. Every user-written name is resolved against {@link QueryObject}; every value is
 * bound. Errors are {@link CrmException}s of category INVALID with the position in the input.
 */
public final class QueryCompiler {

    public static final int DEFAULT_LIMIT = Limits.DEFAULT_PAGE_SIZE;
    public static final int MAX_LIMIT = Limits.MAX_PAGE_SIZE;

    private final QueryObject object;

    public QueryCompiler(QueryObject object) {
        this.object = object;
    }

    /** A page selecting every column of the object's table ({@code alias.*}). */
    public CompiledPage page(PageRequest request) {
        return page(request, object.alias() + ".*");
    }

    /** A page selecting {@code selectList}, trusted SQL written by the caller (never user input). */
    public CompiledPage page(PageRequest request, String selectList) {
        int limit = limit(request.limit());
        Compilation compilation = compile(request.filter(), request.order(), request.includeDeleted());
        List<SortKey> keys = compilation.keys();
        String signature = signature(keys);
        Optional<Keyset> keyset = Optional.ofNullable(request.cursor())
                .filter(cursor -> !cursor.isEmpty())
                .map(cursor -> Keyset.after(keys, Cursor.decode(cursor, signature, keys)));
        CompiledQuery query = PageSql.build(compilation, selectList, keyset, limit + 1);
        return new CompiledPage(query, limit, keys, signature);
    }

    /** Filter and order without paging, e.g. for streaming an export. */
    public QueryParts parts(String filter, String order, boolean includeDeleted) {
        Compilation compilation = compile(filter, order, includeDeleted);
        SqlFragment where = compilation.where(Optional.empty());
        return new QueryParts(compilation.from(), where.sql(), compilation.orderBy(), where.params());
    }

    public CompiledQuery count(String filter, boolean includeDeleted) {
        return parts(filter, null, includeDeleted).count();
    }

    private Compilation compile(String filter, String order, boolean includeDeleted) {
        Optional<FilterNode> tree = FilterParser.parse(filter);
        List<SortSpec> specs = OrderParser.parse(order);
        FieldResolver resolver = new FieldResolver(object);
        Optional<SqlFragment> condition = tree.map(node -> FilterSql.compile(node, resolver));
        List<SortKey> keys = SortKey.resolve(specs, resolver);
        List<SqlFragment> conjuncts = new ArrayList<>();
        if (!includeDeleted && object.softDeleteColumn() != null) {
            conjuncts.add(SqlFragment.of(object.alias() + "." + object.softDeleteColumn() + " is null"));
        }
        condition.ifPresent(conjuncts::add);
        return new Compilation(resolver.from(), conjuncts, keys);
    }

    private String signature(List<SortKey> keys) {
        return object.name() + "|" + keys.stream().map(SortKey::signature).collect(Collectors.joining(","));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CrmException.invalid(
                    QueryMessages.LIMIT, Map.of("max", String.valueOf(MAX_LIMIT), "limit", String.valueOf(limit)));
        }
        return limit;
    }
}
