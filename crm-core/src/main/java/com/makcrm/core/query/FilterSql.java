package com.makcrm.core.query;

import com.makcrm.core.query.FilterNode.And;
import com.makcrm.core.query.FilterNode.Condition;
import com.makcrm.core.query.FilterNode.Not;
import com.makcrm.core.query.FilterNode.Or;
import java.util.List;

/** Compiles a filter tree to a WHERE condition. */
final class FilterSql {

    private FilterSql() {}

    static SqlFragment compile(FilterNode node, FieldResolver resolver) {
        if (node instanceof And and) {
            return SqlFragment.join("and", children(and.children(), resolver));
        }
        if (node instanceof Or or) {
            return SqlFragment.join("or", children(or.children(), resolver));
        }
        if (node instanceof Not not) {
            // "is not true" keeps not() two-valued: not(amount[gt]:5) matches rows with no amount too
            SqlFragment inner = compile(not.child(), resolver);
            return new SqlFragment("((" + inner.sql() + ") is not true)", inner.params());
        }
        Condition condition = (Condition) node;
        return ConditionSql.compile(condition, resolver.forFilter(condition.path(), condition.position()));
    }

    private static List<SqlFragment> children(List<FilterNode> nodes, FieldResolver resolver) {
        return nodes.stream().map(n -> compile(n, resolver)).toList();
    }
}
